"""Wheel build hook: `CLAIMS_COMPILE=1 pip install .` compiles the parser's modules to C with mypyc,
and builds the tokeniser written in C (claims/_speedups.c).

The parser is plain, strictly typed Python; mypyc (part of mypy, the compiler black and mypy ship
with) turns those same modules into C extensions that run the same code faster. A compiled module
sits beside its `.py` in the wheel, and Python imports the extension first. Without the variable, or
for an editable install, nothing is compiled and nothing extra is installed: the package stays pure
Python, which is what development and the test suite run. Nothing is built inside the checkout: the
package is compiled in a temporary copy, so a stale extension can never shadow an edited source file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# The modules a parse runs through; the rest of the package (storage, CLI, lexicon tables) gains
# nothing from compiling.
PARSER_MODULES = (
    "pipeline", "header", "boilerplate", "text", "quotes", "quote_base", "direct", "reported", "reported_base",
    "reported_clauses", "phrases", "noun_phrases", "speakers", "names", "dates", "published", "patterns", "results",
)  # fmt: skip
# What mypyc needs in the build environment: mypy itself, setuptools to drive the C compiler, and the
# type stubs of the parser's third-party imports.
COMPILE_REQUIRES = ["mypy>=1.10", "setuptools>=69", "types-regex", "types-python-dateutil"]
# mypy follows every import of the package, the storage layer's lazy ones too, into SQLAlchemy, SQLModel
# and Alembic: they need not be installed to compile the parser, so their absence is no error (the
# compiled modules import none of them).
# With them, the tokeniser written in C (claims/_speedups.c: claims.text uses it when it is there).
SETUP = """
from mypyc.build import mypycify
from setuptools import Extension, setup
setup(
    name="claims-parser",
    ext_modules=[
        *mypycify([*{files!r}, "--ignore-missing-imports"], opt_level="3"),
        Extension("claims._speedups", ["claims/_speedups.c"], extra_compile_args=["-O3"]),
    ],
)
"""


def wanted() -> bool:
    return os.environ.get("CLAIMS_COMPILE", "") not in ("", "0")


class CompileParser(BuildHookInterface):  # type: ignore[type-arg]  # generic over its builder config
    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        return COMPILE_REQUIRES if wanted() else []

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if not wanted() or self.target_name != "wheel" or version == "editable":
            return
        self._work = tempfile.mkdtemp(prefix="claims-mypyc-")
        work = Path(self._work)
        shutil.copytree(Path(self.root) / "claims", work / "claims", ignore=shutil.ignore_patterns("__pycache__"))
        files = [f"claims/{name}.py" for name in PARSER_MODULES]
        (work / "setup.py").write_text(SETUP.format(files=files), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "setup.py", "build_ext", "--inplace"],
            cwd=work,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        if done.returncode != 0:
            raise RuntimeError(f"mypyc could not compile the parser (unset CLAIMS_COMPILE for pure Python):\n{done.stdout}")
        suffix = ".so" if os.name != "nt" else ".pyd"
        built = [p for p in work.rglob(f"*{suffix}") if "build" not in p.relative_to(work).parts]
        for path in built:
            build_data["force_include"][str(path)] = str(path.relative_to(work))
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
