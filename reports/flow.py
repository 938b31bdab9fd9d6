"""The data-flow picture: sources -> services -> recipients/processors -> countries.

Laid out here in Python, deterministically: four columns, nodes stacked in
each; services in name order, the other columns ordered by the mean position
of the nodes that feed them, to keep crossings down.
The template only draws what this module computes, so every label reaches
the SVG through Jinja2's autoescaping.

Two devices keep the picture readable:

* flows a service takes from the notice-wide lists are drawn once, to and
  from one "notice-wide lists" node, instead of once per service;
* a column with more than :data:`MAX_NODES` nodes keeps the ones with
  findings and the most flows and folds the rest into one "+ N more" node;
  the picture says so, and the registers still list every entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from linter.model import Entity, Policy, Processor, Recipient
from reports import registers as r

MAX_NODES = 60
COLUMNS = ("Sources", "Services", "Recipients and processors", "Countries")
NODE_WIDTHS = (210, 210, 230, 90)
COLUMN_GAP = 120
MARGIN = 12
HEADER = 40
ROW = 28
NODE_HEIGHT = 22
#: average width of a character of the 12px label font, for cutting labels to fit
CHAR_WIDTH = 7

Key = tuple[str, str]
HUB: Key = ("hub", "notice-wide")


@dataclass(slots=True)
class Node:
    key: Key
    column: int
    label: str
    kind: str
    flagged: bool = False
    #: the fragment of the register row that lists the entity, if any
    anchor: str = ""
    #: a service that also takes flows from the notice-wide lists
    marked: bool = False
    folded: int = 0
    x: int = 0
    y: int = 0
    width: int = 0

    @property
    def short_label(self) -> str:
        """The label cut to fit the box (beside the '!' and the P/R letter when shown)."""
        room = (
            self.width - 14 - (10 if self.flagged else 0) - (14 if self.key[0] in ("recipient", "processor") else 0)
        ) // CHAR_WIDTH
        return self.label if len(self.label) <= room else self.label[: max(room - 1, 1)].rstrip() + "\u2026"

    @property
    def title(self) -> str:
        """The full text of the node for its tooltip."""
        return f"{self.label} ({self.kind})"


@dataclass(frozen=True, slots=True)
class Edge:
    path: str
    flagged: bool
    title: str


@dataclass(slots=True)
class Diagram:
    width: int
    height: int
    headers: list[tuple[int, str]]
    nodes: list[Node]
    edges: list[Edge]
    #: sentences about what was folded or left out
    notes: list[str] = field(default_factory=list)
    #: every service relies on the notice-wide node (so no service is marked)
    hub_for_all: bool = False


class _Graph:
    def __init__(self) -> None:
        self.nodes: dict[Key, Node] = {}
        self.edges: dict[tuple[Key, Key], bool] = {}

    def node(self, key: Key, column: int, label: str, kind: str, flagged: bool = False, anchor: str = "") -> Key:
        existing = self.nodes.get(key)
        if existing is None:
            self.nodes[key] = Node(key, column, label, kind, flagged, anchor)
        else:
            existing.flagged = existing.flagged or flagged
        return key

    def entity(self, entity: Entity, column: int, flagged_refs: set[str]) -> Key:
        kind = entity.KIND.replace("_", " ")
        anchor = entity.ref if entity.KIND in ("service", "processor", "recipient") else ""
        return self.node((entity.KIND, entity.id), column, entity.name, kind, entity.ref in flagged_refs, anchor)

    def edge(self, source: Key, target: Key, flagged: bool) -> None:
        self.edges[(source, target)] = self.edges.get((source, target), False) or flagged


def build(policy: Policy, flagged_refs: set[str], flagged_flows: set[tuple[str, str]]) -> Diagram:
    """Lay out the flows of ``policy``.

    ``flagged_refs`` are the entities with findings; ``flagged_flows`` holds
    ``(entity ref, country)`` pairs whose transfer has findings.
    """
    graph = _Graph()
    services = policy.services
    users = 0
    for service in services:
        key = graph.entity(service, 1, flagged_refs)
        uses_hub = False
        for name, column in (("sources", 0), ("recipients", 2), ("processors", 2)):
            own, wide = r.split_effective(policy, service, name)
            for item in own:
                other = graph.entity(item, column, flagged_refs)
                flagged = item.ref in flagged_refs
                graph.edge(*((other, key) if column == 0 else (key, other)), flagged)
            if wide:
                uses_hub = True
                graph.node(HUB, 1, "Notice-wide lists", "lists the notice states once for every service")
                for item in wide:
                    other = graph.entity(item, column, flagged_refs)
                    graph.edge(*((other, HUB) if column == 0 else (HUB, other)), item.ref in flagged_refs)
        graph.nodes[key].marked = uses_hub
        users += uses_hub
    _add_countries(graph, policy, flagged_refs, flagged_flows)
    hub_for_all = bool(services) and users == len(services)
    if HUB in graph.nodes:
        everyone = "all" if hub_for_all else "some"
        graph.nodes[HUB].label = f"Notice-wide ({everyone} services)"
        if hub_for_all:
            for node in graph.nodes.values():
                node.marked = False
    notes = _fold(graph)
    return _layout(graph, notes, hub_for_all)


def _add_countries(graph: _Graph, policy: Policy, flagged_refs: set[str], flagged_flows: set[tuple[str, str]]) -> None:
    importers: list[Processor | Recipient] = [*policy.processors, *policy.recipients]
    transfers = r.transfers_by_importer(policy)
    for entity in importers:
        countries = [r.location(entity), *(t.destination for t in transfers.get(id(entity), []))]
        countries = [c for c in dict.fromkeys(countries) if c]
        if not countries:
            continue
        if (entity.KIND, entity.id) not in graph.nodes and id(entity) not in transfers:
            continue  # no service sends it data and nothing is transferred: no flow to draw
        key = graph.entity(entity, 2, flagged_refs)
        for country in countries:
            target = graph.node(("country", country), 3, country, "country")
            graph.edge(key, target, (entity.ref, country) in flagged_flows)


def _fold(graph: _Graph) -> list[str]:
    """Fold the nodes beyond :data:`MAX_NODES` of each column into one node."""
    notes: list[str] = []
    degree: dict[Key, int] = {}
    for source, target in graph.edges:
        degree[source] = degree.get(source, 0) + 1
        degree[target] = degree.get(target, 0) + 1
    for column, title in enumerate(COLUMNS):
        members = [node for node in graph.nodes.values() if node.column == column and node.key != HUB]
        room = MAX_NODES - (1 if column == 1 and HUB in graph.nodes else 0)
        if len(members) <= room:
            continue
        members.sort(key=lambda n: (not n.flagged, -degree.get(n.key, 0), n.label, n.key))
        kept, folded = members[: room - 1], members[room - 1 :]
        fold_key: Key = ("more", str(column))
        fold = Node(fold_key, column, f"+ {len(folded):,} more", "folded entities, listed in the registers")
        fold.folded = len(folded)
        fold.flagged = any(node.flagged for node in folded)
        gone = {node.key for node in folded}
        for node in folded:
            del graph.nodes[node.key]
        graph.nodes[fold_key] = fold
        edges: dict[tuple[Key, Key], bool] = {}
        for (source, target), flagged in graph.edges.items():
            pair = (fold_key if source in gone else source, fold_key if target in gone else target)
            edges[pair] = edges.get(pair, False) or flagged
        graph.edges = edges
        notes.append(
            f"{title}: the {len(kept):,} with findings or the most flows are drawn; "
            f"the other {len(folded):,} are folded into one node."
        )
    return notes


def _natural(label: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key that puts 'Service 2' before 'Service 10' and ignores case."""
    return tuple((1, int(part), "") if part.isdigit() else (0, 0, part.lower()) for part in re.split(r"(\d+)", label))


def _order(graph: _Graph) -> dict[int, list[Node]]:
    """Nodes per column. Services are in name order (a reader looks theirs up);
    every other column follows the mean position of its neighbours in the
    column that feeds it, which keeps flows from crossing."""
    columns: dict[int, list[Node]] = {column: [] for column in range(len(COLUMNS))}
    for node in graph.nodes.values():
        columns[node.column].append(node)
    neighbours: dict[Key, list[Key]] = {key: [] for key in graph.nodes}
    for source, target in graph.edges:
        neighbours[source].append(target)
        neighbours[target].append(source)

    def pinned(node: Node) -> int:
        """The notice-wide node stays first and a folded node last."""
        return 2 if node.folded else (0 if node.key == HUB else 1)

    position: dict[Key, float] = {}

    def place(column: int) -> None:
        # centred like the layout, so positions in columns of different lengths compare
        middle = (len(columns[column]) - 1) / 2
        for index, node in enumerate(columns[column]):
            position[node.key] = index - middle

    def follow(column: int, guide: int) -> None:
        guides = {node.key for node in columns[guide]}

        def centre(node: Node) -> float:
            placed = [position[k] for k in neighbours[node.key] if k in guides]
            return sum(placed) / len(placed) if placed else float("inf")

        columns[column].sort(key=lambda n: (pinned(n), centre(n), _natural(n.label), n.key))
        place(column)

    columns[1].sort(key=lambda n: (pinned(n), _natural(n.label), n.key))
    place(1)
    follow(0, 1)
    follow(2, 1)
    follow(3, 2)
    return columns


def _layout(graph: _Graph, notes: list[str], hub_for_all: bool) -> Diagram:
    columns = _order(graph)
    rows = max((len(nodes) for nodes in columns.values()), default=0)
    x = MARGIN
    headers: list[tuple[int, str]] = []
    for column, title in enumerate(COLUMNS):
        offset = (rows - len(columns[column])) * ROW // 2
        for index, node in enumerate(columns[column]):
            node.x, node.y, node.width = x, HEADER + offset + index * ROW, NODE_WIDTHS[column]
        headers.append((x, title))
        x += NODE_WIDTHS[column] + COLUMN_GAP
    width = x - COLUMN_GAP + MARGIN
    height = HEADER + max(rows, 1) * ROW + MARGIN
    edges = [
        _edge(graph.nodes[source], graph.nodes[target], flagged) for (source, target), flagged in graph.edges.items()
    ]
    edges.sort(key=lambda e: (e.flagged, e.path))  # flagged flows drawn last, on top
    nodes = [node for column in columns.values() for node in column]
    return Diagram(width, height, headers, nodes, edges, notes, hub_for_all)


def _edge(source: Node, target: Node, flagged: bool) -> Edge:
    x1, y1 = source.x + source.width, source.y + NODE_HEIGHT // 2
    x2, y2 = target.x - 6, target.y + NODE_HEIGHT // 2
    middle = (x1 + x2) // 2
    path = f"M{x1} {y1}C{middle} {y1} {middle} {y2} {x2} {y2}"
    title = f"{source.label} \u2192 {target.label}" + (" (has findings)" if flagged else "")
    return Edge(path, flagged, title)
