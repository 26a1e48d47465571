#!/usr/bin/env python3
"""Writes the POM a release publishes from a project's build POM: the coordinates, the metadata
Maven Central asks for (name, description, url, licenses, developers, scm) and the dependencies a
user's build resolves (compile, runtime and provided scope, versions written out); without the
build section, the test dependencies and the properties that only point into this repository.

    publish_pom.py <build pom.xml> <out.pom>
"""

import re
import sys
import xml.etree.ElementTree as ET

NS = "http://maven.apache.org/POM/4.0.0"
ET.register_namespace("", NS)


def q(tag: str) -> str:
    return "{%s}%s" % (NS, tag)


def main(src: str, out: str) -> None:
    tree = ET.parse(src)
    root = tree.getroot()
    props = {}
    p = root.find(q("properties"))
    if p is not None:
        for e in p:
            props[e.tag.split("}")[1]] = (e.text or "").strip()
        root.remove(p)
    props["project.version"] = root.findtext(q("version")) or ""

    def resolve(text: str) -> str:
        for _ in range(5):
            text = re.sub(r"\$\{([^}]+)\}", lambda m: props.get(m.group(1), m.group(0)), text)
        if "${" in text:
            raise SystemExit("publish_pom: unresolved property in %r" % text)
        return text

    for tag in ("build", "dependencyManagement", "profiles"):
        e = root.find(q(tag))
        if e is not None:
            root.remove(e)
    deps = root.find(q("dependencies"))
    if deps is not None:
        for d in list(deps):
            if d.findtext(q("scope")) == "test":
                deps.remove(d)
                continue
            v = d.find(q("version"))
            if v is None:
                raise SystemExit("publish_pom: dependency %s has no version" % d.findtext(q("artifactId")))
            v.text = resolve(v.text or "")
    for e in root.iter():
        if e.text and "${" in e.text:
            e.text = resolve(e.text)
    ET.indent(tree, "  ")
    tree.write(out, encoding="UTF-8", xml_declaration=True)
    for tag in ("groupId", "artifactId", "version", "name", "description", "url", "licenses", "developers", "scm"):
        if root.find(q(tag)) is None:
            raise SystemExit("publish_pom: %s lacks <%s>, which a Maven Central release needs" % (src, tag))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
