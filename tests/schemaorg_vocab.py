"""A hand-written slice of the schema.org vocabulary (https://schema.org, checked against the type
pages) for the types a ClaimReview uses, and a validator that walks JSON-LD against it."""

from __future__ import annotations

import re
from typing import Any

# Data types: how a JSON value of that schema.org data type looks.
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
DATA_TYPES = {
    "Text": lambda v: isinstance(v, str) and v.strip() != "",
    "URL": lambda v: isinstance(v, str) and bool(_URL.match(v)),
    "Date": lambda v: isinstance(v, str) and bool(_DATE.match(v)),
    "DateTime": lambda v: isinstance(v, str) and bool(_DATETIME.match(v)),
    "Number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "Boolean": lambda v: isinstance(v, bool),
}

# type -> (parent type, {property: expected types}); a type accepts its parents' properties too.
TYPES: dict[str, tuple[str | None, dict[str, tuple[str, ...]]]] = {
    "Thing": (None, {
        "name": ("Text",),
        "alternateName": ("Text",),
        "description": ("Text",),
        "url": ("URL",),
        "sameAs": ("URL",),
        "identifier": ("Text", "URL", "PropertyValue"),
        "image": ("URL", "ImageObject"),
    }),
    "CreativeWork": ("Thing", {
        "author": ("Person", "Organization"),
        "publisher": ("Person", "Organization"),
        "datePublished": ("Date", "DateTime"),
        "dateModified": ("Date", "DateTime"),
        "headline": ("Text",),
        "citation": ("CreativeWork", "Text"),
        "inLanguage": ("Text", "Language"),
        "text": ("Text",),
    }),
    "Article": ("CreativeWork", {"articleBody": ("Text",), "articleSection": ("Text",)}),
    "NewsArticle": ("Article", {"dateline": ("Text",), "printEdition": ("Text",), "printPage": ("Text",)}),
    "Review": ("CreativeWork", {
        "itemReviewed": ("Thing",),
        "reviewRating": ("Rating",),
        "reviewBody": ("Text",),
        "reviewAspect": ("Text",),
    }),
    "ClaimReview": ("Review", {"claimReviewed": ("Text",)}),
    "Claim": ("CreativeWork", {
        "appearance": ("CreativeWork",),
        "firstAppearance": ("CreativeWork",),
        "claimInterpreter": ("Person", "Organization"),
    }),
    "Intangible": ("Thing", {}),
    "Rating": ("Intangible", {
        "ratingValue": ("Number", "Text"),
        "bestRating": ("Number", "Text"),
        "worstRating": ("Number", "Text"),
        "author": ("Person", "Organization"),
        "ratingExplanation": ("Text",),
        "reviewAspect": ("Text",),
    }),
    "Person": ("Thing", {
        "givenName": ("Text",),
        "familyName": ("Text",),
        "jobTitle": ("Text",),
        "affiliation": ("Organization",),
        "worksFor": ("Organization",),
    }),
    "Organization": ("Thing", {"legalName": ("Text",), "member": ("Person", "Organization")}),
}  # fmt: skip

# Google Search's fact-check documentation: required properties per type, and recommended ones.
GOOGLE_REQUIRED = {
    "ClaimReview": ("claimReviewed", "reviewRating", "url"),
    "Rating": ("alternateName",),
}
GOOGLE_RECOMMENDED = {
    "ClaimReview": ("author", "datePublished", "itemReviewed"),
    "Claim": ("appearance", "author", "datePublished"),
    "Rating": ("bestRating", "ratingValue", "worstRating"),
}


def is_subtype(child: str, parent: str) -> bool:
    node: str | None = child
    while node is not None:
        if node == parent:
            return True
        node = TYPES[node][0] if node in TYPES else None
    return False


def properties_of(schema_type: str) -> dict[str, tuple[str, ...]]:
    props: dict[str, tuple[str, ...]] = {}
    node: str | None = schema_type
    while node is not None:
        parent, own = TYPES[node]
        for name, expected in own.items():
            props.setdefault(name, expected)
        node = parent
    return props


def _matches(value: Any, expected: tuple[str, ...]) -> bool:
    for kind in expected:
        if kind in DATA_TYPES and DATA_TYPES[kind](value):
            return True
        if isinstance(value, dict) and value.get("@type") in TYPES and is_subtype(value["@type"], kind):
            return True
    return False


def validate(node: Any, expected: tuple[str, ...] = ("Thing",), path: str = "$") -> list[str]:
    """Every problem found in a JSON-LD node: unknown @type, a property the type does not allow,
    a value of the wrong type, or a Google-required property missing. [] when valid."""
    if not isinstance(node, dict):
        return [f"{path}: expected an object, got {node!r}"]
    schema_type = node.get("@type")
    if schema_type not in TYPES:
        return [f"{path}: unknown @type {schema_type!r}"]
    errors = []
    if not any(is_subtype(schema_type, e) for e in expected):
        errors.append(f"{path}: {schema_type} is not one of {expected}")
    allowed = properties_of(schema_type)
    for name, value in node.items():
        if name == "@context":
            if path != "$" or value != "https://schema.org":
                errors.append(f"{path}: @context must be https://schema.org at the top only")
            continue
        if name == "@type":
            continue
        if name not in allowed:
            errors.append(f"{path}: {schema_type} has no property {name!r}")
            continue
        for i, item in enumerate(value if isinstance(value, list) else [value]):
            where = f"{path}.{name}[{i}]" if isinstance(value, list) else f"{path}.{name}"
            if not _matches(item, allowed[name]):
                errors.append(f"{where}: {item!r} is not {' or '.join(allowed[name])}")
            elif isinstance(item, dict):
                errors.extend(validate(item, allowed[name], where))
    for name in GOOGLE_REQUIRED.get(schema_type, ()):
        if name not in node:
            errors.append(f"{path}: Google requires {name!r} on {schema_type}")
    return errors


def missing_recommended(node: dict[str, Any], path: str = "$") -> list[str]:
    """Google-recommended properties absent anywhere in the tree."""
    out = [f"{path}.{n}" for n in GOOGLE_RECOMMENDED.get(node.get("@type", ""), ()) if n not in node]
    for name, value in node.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                out.extend(missing_recommended(item, f"{path}.{name}"))
    return out
