// Check-in page: scan the ticket's QR code with the camera where the browser can
// (BarcodeDetector + getUserMedia). The QR code holds the plain short code; a URL ending in
// the code works as well. Without JavaScript or a camera the page works by typing the code.
(function () {
  "use strict";
  var form = document.querySelector("[data-events-scan-form]");
  if (!form || !("BarcodeDetector" in window) || !navigator.mediaDevices ||
      !navigator.mediaDevices.getUserMedia) {
    return;
  }
  var box = form.querySelector("[data-events-scan]");
  var start = form.querySelector("[data-events-scan-start]");
  var video = form.querySelector("[data-events-scan-video]");
  var status = form.querySelector("[data-events-scan-status]");
  var input = form.querySelector("input[name=q]");
  var stream = null;
  var detector = null;
  box.hidden = false;

  function stop() {
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
    }
    video.hidden = true;
  }

  function codeFrom(text) {
    var value = String(text || "").trim().replace(/\/+$/, "");
    var slash = value.lastIndexOf("/");
    return (slash >= 0 ? value.slice(slash + 1) : value).toUpperCase();
  }

  function tick() {
    if (!stream) { return; }
    detector.detect(video).then(function (codes) {
      if (codes.length) {
        input.value = codeFrom(codes[0].rawValue);
        status.textContent = input.value;
        stop();
        form.submit();
        return;
      }
      window.requestAnimationFrame(tick);
    }).catch(function () { window.requestAnimationFrame(tick); });
  }

  start.addEventListener("click", function () {
    if (stream) { stop(); return; }
    detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } })
      .then(function (media) {
        stream = media;
        video.srcObject = media;
        video.hidden = false;
        status.textContent = start.dataset.scanning || "";
        return video.play();
      })
      .then(tick)
      .catch(function () {
        status.textContent = "Kamera nicht verfügbar – bitte den Code eintippen.";
        stop();
      });
  });
  window.addEventListener("pagehide", stop);
})();
