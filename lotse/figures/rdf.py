"""A small RDF graph and its three serialisations (Turtle, RDF/XML, JSON-LD) for the catalogue.

The catalogue is a few hundred triples of our own making, so it is written here instead of
through a general RDF library: IRIs, blank nodes and literals (plain, language-tagged or typed),
escaped as each syntax requires. Output is deterministic (subjects and predicates in the order
they were added), which keeps the catalogue cacheable and diffable.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

NAMESPACES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}


@dataclass(frozen=True)
class IRI:
    value: str


@dataclass(frozen=True)
class BNode:
    id: str


@dataclass(frozen=True)
class Literal:
    value: str
    datatype: str = ""  # a full IRI, e.g. XSD_DATE
    lang: str = ""


XSD_DATE = NAMESPACES["xsd"] + "date"
XSD_DATETIME = NAMESPACES["xsd"] + "dateTime"
RDF_TYPE = NAMESPACES["rdf"] + "type"

Subject = IRI | BNode
Object = IRI | BNode | Literal


def term(name: str) -> IRI:
    """ "dct:title" → the full IRI."""
    prefix, local = name.split(":", 1)
    return IRI(NAMESPACES[prefix] + local)


@dataclass
class Graph:
    triples: list[tuple[Subject, IRI, Object]] = field(default_factory=list)
    _bnodes: int = 0

    def add(self, subject: Subject, predicate: str | IRI, obj: Object | str) -> None:
        """`predicate` as "prefix:name"; a plain `str` object becomes a literal."""
        pred = term(predicate) if isinstance(predicate, str) else predicate
        value = Literal(obj) if isinstance(obj, str) else obj
        self.triples.append((subject, pred, value))

    def bnode(self) -> BNode:
        self._bnodes += 1
        return BNode(f"b{self._bnodes}")

    def by_subject(self) -> dict[Subject, list[tuple[IRI, Object]]]:
        grouped: dict[Subject, list[tuple[IRI, Object]]] = {}
        for subject, predicate, obj in self.triples:
            grouped.setdefault(subject, []).append((predicate, obj))
        return grouped


# --- Turtle ---------------------------------------------------------------------------------

TURTLE_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
# One pass (str.translate): the escapes above, every other control character as \uXXXX.
TURTLE_STRING_TABLE = str.maketrans(
    {**{chr(code): f"\\u{code:04X}" for code in range(0x20)}, **TURTLE_ESCAPES}
)
IRI_FORBIDDEN_TABLE = str.maketrans({char: f"%{ord(char):02X}" for char in '<>"{}|^`\\ '})


def _turtle_string(text: str) -> str:
    return f'"{text.translate(TURTLE_STRING_TABLE)}"'


@functools.lru_cache(maxsize=4096)
def _turtle_iri_text(value: str) -> str:
    for prefix, namespace in NAMESPACES.items():
        local = value[len(namespace) :]
        if value.startswith(namespace) and local and local.replace("-", "").isalnum():
            return f"{prefix}:{local}"
    return f"<{value.translate(IRI_FORBIDDEN_TABLE)}>"


def _turtle_iri(iri: IRI) -> str:
    return _turtle_iri_text(iri.value)


def _turtle_term(value: Object) -> str:
    if isinstance(value, IRI):
        return _turtle_iri(value)
    if isinstance(value, BNode):
        return f"_:{value.id}"
    text = _turtle_string(value.value)
    if value.lang:
        return f"{text}@{value.lang}"
    if value.datatype:
        return f"{text}^^{_turtle_iri(IRI(value.datatype))}"
    return text


def to_turtle(graph: Graph) -> str:
    lines = [f"@prefix {prefix}: <{namespace}> ." for prefix, namespace in NAMESPACES.items()]
    for subject, pairs in graph.by_subject().items():
        lines.append("")
        body = []
        for predicate, obj in pairs:
            verb = "a" if predicate.value == RDF_TYPE else _turtle_iri(predicate)
            body.append(f"    {verb} {_turtle_term(obj)}")
        lines.append(_turtle_term(subject) + "\n" + " ;\n".join(body) + " .")
    return "\n".join(lines) + "\n"


# --- RDF/XML --------------------------------------------------------------------------------


def _qname(iri: IRI) -> str:
    for prefix, namespace in NAMESPACES.items():
        if iri.value.startswith(namespace):
            return f"{prefix}:{iri.value[len(namespace) :]}"
    raise ValueError(f"no namespace for predicate {iri.value}")  # our own predicates only


def to_rdfxml(graph: Graph) -> str:
    declarations = " ".join(f"xmlns:{p}={quoteattr(ns)}" for p, ns in NAMESPACES.items())
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f"<rdf:RDF {declarations}>"]
    for subject, pairs in graph.by_subject().items():
        if isinstance(subject, IRI):
            lines.append(f"  <rdf:Description rdf:about={quoteattr(subject.value)}>")
        else:
            lines.append(f"  <rdf:Description rdf:nodeID={quoteattr(subject.id)}>")
        for predicate, obj in pairs:
            name = _qname(predicate)
            if isinstance(obj, IRI):
                lines.append(f"    <{name} rdf:resource={quoteattr(obj.value)}/>")
            elif isinstance(obj, BNode):
                lines.append(f"    <{name} rdf:nodeID={quoteattr(obj.id)}/>")
            else:
                attribute = ""
                if obj.lang:
                    attribute = f" xml:lang={quoteattr(obj.lang)}"
                elif obj.datatype:
                    attribute = f" rdf:datatype={quoteattr(obj.datatype)}"
                lines.append(f"    <{name}{attribute}>{escape(obj.value)}</{name}>")
        lines.append("  </rdf:Description>")
    lines.append("</rdf:RDF>")
    return "\n".join(lines) + "\n"


# --- JSON-LD (expanded form: no context to fetch) -------------------------------------------


def _jsonld_value(obj: Object) -> dict:
    if isinstance(obj, IRI):
        return {"@id": obj.value}
    if isinstance(obj, BNode):
        return {"@id": f"_:{obj.id}"}
    value: dict = {"@value": obj.value}
    if obj.lang:
        value["@language"] = obj.lang
    elif obj.datatype:
        value["@type"] = obj.datatype
    return value


def to_jsonld(graph: Graph) -> str:
    nodes = []
    for subject, pairs in graph.by_subject().items():
        node: dict = {"@id": subject.value if isinstance(subject, IRI) else f"_:{subject.id}"}
        for predicate, obj in pairs:
            if predicate.value == RDF_TYPE and isinstance(obj, IRI):
                node.setdefault("@type", []).append(obj.value)
            else:
                node.setdefault(predicate.value, []).append(_jsonld_value(obj))
        nodes.append(node)
    return json.dumps(nodes, ensure_ascii=False, indent=1) + "\n"
