"""The import contract of ``pyproject.toml`` ([tool.importlinter], run by ``lint-imports`` in
.ci/run) holds for the code, and bites: each contract breaks when one import that it forbids is
added to the graph. Plus what import-linter cannot see: no project import hides inside a
function (where it would dodge a cycle the contract would otherwise report)."""

import ast
import copy
import tomllib
from pathlib import Path

import grimp
import pytest
from importlinter import configuration
from importlinter.contracts.acyclic_siblings import AcyclicSiblingsContract
from importlinter.contracts.forbidden import ForbiddenContract
from importlinter.contracts.independence import IndependenceContract
from importlinter.contracts.layers import LayersContract

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
CONTRACT_TYPES = {
    "layers": LayersContract,
    "forbidden": ForbiddenContract,
    "acyclic_siblings": AcyclicSiblingsContract,
    "independence": IndependenceContract,
}
CONTRACTS = {options["id"]: options for options in CONFIG["contracts"]}
# What lint-imports sets up before checking (the timer, the readers).
configuration.configure()

# One import per contract that the contract must refuse.
VIOLATIONS = {
    "layers": ("cms.clubs.models", "cms.api.bundle"),
    "domain-not-above": ("cms.events.models", "cms.homepages.builds"),
    "core-names-no-domain": ("cms.core.privacy", "cms.tenancy.models"),
    "frontends-without-cms": ("sites.client", "cms.core.caching"),
    # The portal imports the clubs; the clubs importing the portal closes a cycle.
    "acyclic-apps": ("cms.clubs.models", "cms.portal.models"),
    "cms-without-plugins": ("cms.stats.views", "plugins.stats"),
    # Shared helpers come from the engine's kit, not from another plugin.
    "plugins-independent": ("plugins.board", "plugins.calendar"),
}

# Project imports inside a function that are not hidden cycle-dodges. Django's
# ``AppConfig.ready`` is where an app imports its models, signals and what it registers with;
# that is allowed everywhere and not listed here. Keep this empty.
FUNCTION_IMPORTS_ALLOWED: set[tuple[str, str]] = set()


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*CONFIG["root_packages"], cache_dir=None)


def check(contract_id: str, graph) -> bool:
    options = CONTRACTS[contract_id]
    contract = CONTRACT_TYPES[options["type"]](
        name=options["name"],
        session_options=CONFIG,
        contract_options={key: value for key, value in options.items() if key != "type"},
    )
    # A check removes the contract's ignored imports from the graph it gets: give it a copy.
    return contract.check(copy.deepcopy(graph), verbose=False).kept


def test_every_contract_has_a_violation_to_prove_it():
    assert set(VIOLATIONS) == set(CONTRACTS)


@pytest.mark.parametrize("contract_id", sorted(VIOLATIONS))
def test_the_code_keeps_the_contract_and_a_violation_breaks_it(graph, contract_id):
    assert check(contract_id, graph), f"{contract_id} is broken: run lint-imports"
    violated = copy.deepcopy(graph)
    importer, imported = VIOLATIONS[contract_id]
    violated.add_import(importer=importer, imported=imported)
    assert not check(contract_id, violated)


def function_imports(path: Path):
    """The absolute project imports inside functions of ``path`` (except ``ready``)."""
    tree = ast.parse(path.read_text(), filename=str(path))

    def visit(node, function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield from visit(child, child.name)
                continue
            if function and function != "ready":
                names = []
                if isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                    names = [child.module]
                elif isinstance(child, ast.Import):
                    names = [alias.name for alias in child.names]
                for name in names:
                    if name.split(".")[0] in CONFIG["root_packages"]:
                        yield name
            yield from visit(child, function)

    yield from visit(tree, None)


def test_no_project_import_hides_in_a_function():
    found = set()
    for package in ("cms", "sites", "plugins"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for name in function_imports(path):
                found.add((str(path.relative_to(ROOT)), name))
    assert found == FUNCTION_IMPORTS_ALLOWED


def test_the_scan_sees_an_import_in_a_function(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        "def dodge():\n    from cms.clubs.models import ClubPage\n\n"
        "class Config:\n    def ready(self):\n        from cms.core import caching\n"
    )
    assert list(function_imports(module)) == ["cms.clubs.models"]
