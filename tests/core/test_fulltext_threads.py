"""The stemmer is not shared between threads (a snowball stemmer keeps its word in the object)."""

import threading

from lotse.core import fulltext


def test_each_thread_stems_with_its_own_stemmer():
    seen: list[object] = []

    def grab() -> None:
        seen.append(fulltext._stemmer())

    threads = [threading.Thread(target=grab) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(stemmer) for stemmer in seen}) == 3
    assert fulltext._stemmer() is fulltext._stemmer()  # one per thread, reused


def test_concurrent_stemming_gives_the_sequential_stems():
    words = [f"fachkräfteeinwanderung{n}" for n in range(300)] + ["sprachkurse", "anerkennung"]
    expected = {word: fulltext._stemmer().stemWord(word) for word in words}
    results: dict[str, str] = {}
    errors: list[BaseException] = []

    def work(chunk: list[str]) -> None:
        try:
            for word in chunk * 20:
                results[word] = fulltext._stemmer().stemWord(word)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(words[i::4],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert results == expected


def test_the_german_stemmer_gives_snowballs_german_stems():
    """PyStemmer's German (decision 0028) gives the stems of Snowball's German algorithm, which
    the stored search texts and the queries share."""
    expected = {
        "Ausbildungen": "ausbild",
        "Ausbildung": "ausbild",
        "Ärzte": "arzt",
        "Straße": "strass",
        "laufend": "laufend",
        "Häuser": "haus",
        "Weiterbildungsangebote": "weiterbildungsangebot",
        "Integrationskurse": "integrationskurs",
        "größten": "grosst",
    }
    assert {word: fulltext.stem(word) for word in expected} == expected
