"""The data-flow picture: sources -> services -> recipients/processors -> places.

Laid out here in Python, deterministically; the template only draws what this
module computes, so every label reaches the SVG through Jinja2's autoescaping.

What keeps the picture readable:

* **Lists stated once for many services are drawn once.** The sources (and the
  recipients and processors) a notice lists for every service are one box
  each, one line per entity; the services that rely on them sit in a frame,
  and one flow joins the box to the frame. Services that rely on different
  notice-wide lists get a frame each. What a service names itself is drawn
  from that service.
* **Full names.** Labels wrap onto as many lines as they need; nothing is cut.
* **Severity, not just "has findings".** An entity's border and mark follow
  the worst severity of its findings (error: red, solid, a cross; warning:
  amber, dashed, a triangle; info: blue, dotted, an "i"), as do a flow's
  colour and dash for the findings about that flow (a transfer, a location).
  Shape and words carry the severity too, for print and for colour blindness.
* **Sized for print.** The picture is about 780 units wide with 12.5-unit
  text: printed across a portrait A4 page its text is at least 8 pt as long
  as the picture fits the page's height (see :meth:`Diagram.printed_font_pt`).
* A column with more than :data:`MAX_NODES` entities keeps those with findings
  and the most flows and folds the rest into one "+ N more" node; a box keeps
  its first :data:`MAX_NODES` lines. The picture says so; the registers list
  every entity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from linter.findings import Severity
from linter.model import Entity, Policy, Processor, Recipient, Service
from reports import registers as r

MAX_NODES = 60
COLUMNS = ("Sources", "Services", "Recipients and processors", "Places")
COLUMN_WIDTHS = (150, 200, 290, 74)
COLUMN_GAP = 24
MARGIN = 6
HEADER = 30
#: label text size and line height, in picture units
FONT = 12.5
LINE = 14.5
PADDING = 4
GAP = 4
#: room for the severity mark before a label, and the P/R letter after it
MARK = 15
LETTER = 13
#: fields whose notice-wide lists the picture draws, and their column
DRAWN = {"sources": 0, "recipients": 2, "processors": 2}
#: the A4 portrait area a printed picture may take, in mm (page less margins, heading and legend)
PRINT_WIDTH_MM = 186
PRINT_HEIGHT_MM = 232

Key = tuple[str, str]


# --- text ---------------------------------------------------------------------------

_NARROW = set("iIjlft.,;:'!|()[] ")
_WIDE = set("MWmw@%")


def _em(char: str) -> float:
    """An over-estimate of the width of one character, in ems."""
    if char in _NARROW:
        return 0.32
    if char in _WIDE:
        return 0.86
    if char.isupper() or char.isdigit():
        return 0.66
    return 0.55


def _scale(size: float, bold: bool) -> float:
    return size * (1.14 if bold else 1.04)


def text_width(text: str, size: float = FONT, bold: bool = False) -> float:
    """An over-estimate of the width of ``text`` in a sans-serif face at ``size``."""
    return sum(_em(char) for char in text) * _scale(size, bold)


def _pieces(word: str, width: float, size: float, bold: bool) -> list[str]:
    """``word`` cut into pieces no wider than ``width`` (at least one character
    each), in one pass: a name of any length is wrapped in time proportional to it."""
    limit = width / _scale(size, bold)
    pieces: list[str] = []
    start, total = 0, 0.0
    for index, char in enumerate(word):
        em = _em(char)
        if total + em > limit and index > start:
            pieces.append(word[start:index])
            start, total = index, 0.0
        total += em
    pieces.append(word[start:])
    return pieces


def wrap(text: str, width: float, size: float = FONT, bold: bool = False) -> list[str]:
    """``text`` in lines no wider than ``width``; a word too long for a line is split."""
    lines: list[str] = []
    current = ""
    for word in " ".join(text.split()).split(" "):
        if text_width(word, size, bold) > width:  # split a very long word
            *whole, word = _pieces(word, width, size, bold)
            if current:
                lines.append(current)
                current = ""
            lines.extend(whole)
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current or not lines:
        lines.append(current)
    return lines


# --- the picture ----------------------------------------------------------------------


@dataclass(slots=True, kw_only=True)
class _Area:
    """Where an item is drawn, in picture units."""

    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


def _hover(label: str, kind: str, severity: Severity | None) -> str:
    """The tooltip of an entity drawn in the picture."""
    return f"{label} ({kind})" + (f": {severity.value} findings" if severity else "")


@dataclass(slots=True)
class Node(_Area):
    """A box drawn for one entity (or a place, or a fold of many)."""

    key: Key
    column: int
    label: str
    kind: str
    severity: Severity | None = None
    #: the fragment of the register row that lists the entity, if any
    anchor: str = ""
    folded: int = 0
    lines: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return _hover(self.label, self.kind, self.severity)


@dataclass(slots=True)
class Line(_Area):
    """One entity listed in a box (a notice-wide list); ``y`` is from the box's top."""

    key: Key
    label: str
    kind: str
    severity: Severity | None
    anchor: str
    lines: list[str]

    @property
    def title(self) -> str:
        return _hover(self.label, self.kind, self.severity)


@dataclass(slots=True)
class Box(_Area):
    """The entities of notice-wide lists, stated once for every service relying on them."""

    key: Key
    column: int
    title: list[str]
    lines: list[Line]
    more: int = 0


@dataclass(slots=True)
class Frame(_Area):
    """Services that rely on the same notice-wide lists."""

    key: Key
    title: list[str]
    services: list[Node]
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Edge:
    path: str
    severity: Severity | None
    title: str

    @property
    def flagged(self) -> bool:
        return self.severity is not None


@dataclass(slots=True)
class Diagram:
    width: float
    height: float
    headers: list[tuple[float, str]]
    nodes: list[Node]
    edges: list[Edge]
    boxes: list[Box] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    #: sentences about what was folded or left out
    notes: list[str] = field(default_factory=list)
    font: float = FONT

    @property
    def empty(self) -> bool:
        return not self.nodes and not self.boxes

    @property
    def severities(self) -> set[Severity]:
        """The severities the picture shows (for its legend)."""
        found = {node.severity for node in self.nodes} | {line.severity for box in self.boxes for line in box.lines}
        found |= {edge.severity for edge in self.edges}
        return {severity for severity in found if severity is not None}

    def printed_font_pt(self, width_mm: float = PRINT_WIDTH_MM, height_mm: float = PRINT_HEIGHT_MM) -> float:
        """The label size in points when the picture is printed as large as fits the area."""
        scale_mm = min(width_mm / self.width, height_mm / self.height) if self.width and self.height else 0.0
        return self.font * scale_mm / 0.3528


def _natural(label: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key that puts 'Service 2' before 'Service 10' and ignores case."""
    return tuple((1, int(part), "") if part.isdigit() else (0, 0, part.lower()) for part in re.split(r"(\d+)", label))


def _worse(first: Severity | None, second: Severity | None) -> Severity | None:
    if first is None:
        return second
    if second is None:
        return first
    return first if first.rank >= second.rank else second


def _kind(entity: Entity) -> str:
    return entity.KIND.replace("_", " ")


class _Builder:
    def __init__(self, policy: Policy, severities: dict[str, Severity], flows: dict[tuple[str, str], Severity]) -> None:
        self.policy = policy
        self.severities = severities
        self.flows = flows
        self.nodes: dict[Key, Node] = {}
        self.boxes: dict[int, Box] = {}
        self.line_of: dict[Key, tuple[Box, Line]] = {}
        #: (source key, target key) -> severity of the flow's findings
        self.edges: dict[tuple[Key, Key], Severity | None] = {}
        self.frames: list[Frame] = []
        self.notes: list[str] = []

    # entities as nodes or box lines

    def node(self, entity: Entity, column: int) -> Key:
        key: Key = (entity.KIND, entity.id)
        if key not in self.nodes and key not in self.line_of:
            anchor = entity.ref if entity.KIND in ("service", "processor", "recipient") else ""
            self.nodes[key] = Node(key, column, entity.name, _kind(entity), self.severities.get(entity.ref), anchor)
        return key

    def place(self, code: str) -> Key:
        key: Key = ("place", code)
        if key not in self.nodes:
            self.nodes[key] = Node(key, 3, r.place(code), "place")
        return key

    def box(self, column: int, title: str, entities: Iterable[Entity]) -> Box:
        box = self.boxes.get(column)
        if box is None:
            box = self.boxes[column] = Box(("box", str(column)), column, [title], [])
        for entity in entities:
            key: Key = (entity.KIND, entity.id)
            if key in self.line_of:
                continue
            if len(box.lines) >= MAX_NODES:
                box.more += 1
                continue
            anchor = entity.ref if entity.KIND in ("processor", "recipient") else ""
            line = Line(key, entity.name, _kind(entity), self.severities.get(entity.ref), anchor, [])
            box.lines.append(line)
            self.line_of[key] = (box, line)
        return box

    def edge(self, source: Key, target: Key, severity: Severity | None = None) -> None:
        pair = (source, target)
        self.edges[pair] = _worse(self.edges.get(pair), severity) if pair in self.edges else severity

    # the policy

    def build(self) -> None:
        notice = self.policy.notice
        wide = notice.notice_wide if notice else None
        groups: dict[tuple[str, ...], list[Service]] = {}
        for service in sorted(self.policy.services, key=lambda s: (_natural(s.name), s.id)):
            relied = tuple(
                name for name in DRAWN if name in service.relies_on_notice_wide and wide and getattr(wide, name)
            )
            groups.setdefault(relied, []).append(service)
        if wide is not None:
            if any("sources" in relied for relied in groups):
                self.box(0, "Notice-wide sources", wide.sources)
            if any({"recipients", "processors"} & set(relied) for relied in groups):
                entities: list[Entity] = []
                if any("recipients" in relied for relied in groups):
                    entities += wide.recipients
                if any("processors" in relied for relied in groups):
                    entities += wide.processors
                self.box(2, "Notice-wide recipients and processors", entities)
        for relied, services in sorted(groups.items(), key=lambda item: (not item[0], -len(item[1]), item[0])):
            members = [self.nodes[self.node(service, 1)] for service in services]
            if relied:
                self.frames.append(Frame(("frame", "+".join(relied)), [], members, relied))
            for service in services:
                self.own_flows(service)
        for frame in self.frames:
            if "sources" in frame.fields and 0 in self.boxes:
                self.edge(self.boxes[0].key, frame.key)
            if {"recipients", "processors"} & set(frame.fields) and 2 in self.boxes:
                self.edge(frame.key, self.boxes[2].key)
        self.places()

    def own_flows(self, service: Service) -> None:
        key: Key = (service.KIND, service.id)
        for source in service.sources:
            self.edge(self.node(source, 0), key)
        for importer in [*service.recipients, *service.processors]:
            self.edge(key, self.node(importer, 2))

    def places(self) -> None:
        transfers = r.transfers_by_importer(self.policy)
        importers: list[Processor | Recipient] = [*self.policy.processors, *self.policy.recipients]
        for entity in importers:
            key: Key = (entity.KIND, entity.id)
            drawn = key in self.nodes or key in self.line_of
            if not drawn and id(entity) not in transfers:
                continue  # no service sends it data and nothing is transferred: no flow to draw
            codes = [r.location(entity), *(t.destination for t in transfers.get(id(entity), []))]
            codes = [code for code in dict.fromkeys(codes) if code]
            if not codes:
                continue
            if not drawn:
                self.node(entity, 2)
            for code in codes:
                self.edge(key, self.place(code), self.flows.get((entity.ref, code)))


def build(
    policy: Policy,
    severities: dict[str, Severity],
    flows: dict[tuple[str, str], Severity] | None = None,
) -> Diagram:
    """Lay out the flows of ``policy``.

    ``severities`` maps an entity ref to the worst severity of its findings;
    ``flows`` maps ``(importer ref, place)`` to the worst severity of the
    findings about that flow (its transfer, the importer's location).
    """
    builder = _Builder(policy, severities, flows or {})
    builder.build()
    _fold(builder)
    for box in builder.boxes.values():
        if box.more:
            builder.notes.append(
                f"{box.title[0]}: the first {len(box.lines):,} are listed; {box.more:,} more are in the registers."
            )
    return _layout(builder)


def _fold(builder: _Builder) -> None:
    """Fold the nodes beyond :data:`MAX_NODES` of each column into one node."""
    degree: dict[Key, int] = {}
    for source, target in builder.edges:
        degree[source] = degree.get(source, 0) + 1
        degree[target] = degree.get(target, 0) + 1
    for column, title in enumerate(COLUMNS):
        members = [node for node in builder.nodes.values() if node.column == column]
        if len(members) <= MAX_NODES:
            continue
        members.sort(
            key=lambda n: (-(n.severity.rank + 1 if n.severity else 0), -degree.get(n.key, 0), _natural(n.label))
        )
        kept, folded = members[: MAX_NODES - 1], members[MAX_NODES - 1 :]
        fold_key: Key = ("more", str(column))
        fold = Node(fold_key, column, f"+ {len(folded):,} more", "folded entities, listed in the registers")
        fold.folded = len(folded)
        gone = {node.key for node in folded}
        for node in folded:
            del builder.nodes[node.key]
        builder.nodes[fold_key] = fold
        for frame in builder.frames:
            frame.services = [node for node in frame.services if node.key not in gone]
        edges: dict[tuple[Key, Key], Severity | None] = {}
        for (source, target), severity in builder.edges.items():
            pair = (fold_key if source in gone else source, fold_key if target in gone else target)
            edges[pair] = _worse(edges.get(pair), severity)
        builder.edges = edges
        builder.notes.append(
            f"{title}: the {len(kept):,} with findings or the most flows are drawn; "
            f"the other {len(folded):,} are folded into one node."
        )


# --- layout ---------------------------------------------------------------------------


def _x(column: int) -> float:
    return MARGIN + sum(COLUMN_WIDTHS[:column]) + COLUMN_GAP * column


def _size_node(node: Node) -> None:
    node.width = COLUMN_WIDTHS[node.column]
    room = node.width - 2 * PADDING - (MARK if node.severity else 0)
    room -= LETTER if node.key[0] in ("recipient", "processor") else 0
    node.lines = wrap(node.label, room)
    node.height = len(node.lines) * LINE + 2 * PADDING - 3


def _size_box(box: Box) -> None:
    box.width = COLUMN_WIDTHS[box.column]
    box.title = wrap(box.title[0], box.width - 2 * PADDING, FONT, bold=True)
    y = len(box.title) * LINE + PADDING + 4
    for line in box.lines:
        room = box.width - 2 * PADDING - MARK - (LETTER if line.key[0] in ("recipient", "processor") else 0)
        line.lines = wrap(line.label, room)
        line.y = y
        line.height = len(line.lines) * LINE
        y += line.height + 0.5
    box.height = y + PADDING


def _order_by_neighbours(
    items: Sequence[Node], neighbours: dict[Key, list[Key]], position: dict[Key, float]
) -> list[Node]:
    def centre(node: Node) -> float:
        placed = [position[k] for k in neighbours.get(node.key, []) if k in position]
        return sum(placed) / len(placed) if placed else float("inf")

    return sorted(items, key=lambda n: (bool(n.folded), centre(n), _natural(n.label), n.key))


def _layout(builder: _Builder) -> Diagram:
    for node in builder.nodes.values():
        _size_node(node)
    for box in builder.boxes.values():
        _size_box(box)
    neighbours: dict[Key, list[Key]] = {}
    for source, target in builder.edges:
        neighbours.setdefault(source, []).append(target)
        neighbours.setdefault(target, []).append(source)

    # the services column: frames, then the services in no frame
    framed = {node.key for frame in builder.frames for node in frame.services}
    y = float(HEADER)
    position: dict[Key, float] = {}
    column_x = _x(1)
    for frame in builder.frames:
        frame.title = wrap(_frame_title(builder, frame), COLUMN_WIDTHS[1] + 12 - 2 * PADDING - 4, FONT, bold=True)
        frame.x, frame.y, frame.width = column_x - 6, y, COLUMN_WIDTHS[1] + 12
        y += len(frame.title) * LINE + PADDING + 2
        for node in frame.services:
            node.x, node.y = column_x, y
            position[node.key] = y
            y += node.height + GAP
        frame.height = y - frame.y + 2
        y += 3 * GAP
    loose = [node for node in builder.nodes.values() if node.column == 1 and node.key not in framed]
    for node in sorted(loose, key=lambda n: (bool(n.folded), _natural(n.label), n.key)):
        node.x, node.y = column_x, y
        position[node.key] = y
        y += node.height + GAP
    for frame in builder.frames:
        position[frame.key] = frame.middle
    heights = {1: y}

    # the other columns: the box first, then the nodes by the mean height of their neighbours
    for column in (0, 2, 3):
        y = float(HEADER)
        listed = builder.boxes.get(column)
        if listed is not None:
            listed.x, listed.y = _x(column), y
            position[listed.key] = listed.middle
            for line in listed.lines:
                position[line.key] = listed.y + line.middle
            y += listed.height + 3 * GAP
        members = [node for node in builder.nodes.values() if node.column == column]
        for node in _order_by_neighbours(members, neighbours, position):
            node.x, node.y = _x(column), y
            position[node.key] = node.middle
            y += node.height + GAP
        heights[column] = y
    height = max(heights.values(), default=float(HEADER)) + MARGIN

    # centre the shorter columns on the tallest
    for column, used in heights.items():
        shift = (height - MARGIN - used) / 2
        if shift <= 0:
            continue
        for node in builder.nodes.values():
            if node.column == column:
                node.y += shift
        if column == 1:
            for frame in builder.frames:
                frame.y += shift
        elif column in builder.boxes:
            builder.boxes[column].y += shift

    edges = [_edge(builder, source, target, severity) for (source, target), severity in builder.edges.items()]
    rank = {None: -1, Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
    edges.sort(key=lambda e: (rank[e.severity], e.path))  # the most severe drawn last, on top
    nodes = sorted(builder.nodes.values(), key=lambda n: (n.column, n.y))
    width = _x(len(COLUMNS)) - COLUMN_GAP + MARGIN
    headers = [(_x(column), title) for column, title in enumerate(COLUMNS)]
    boxes = [builder.boxes[column] for column in sorted(builder.boxes)]
    return Diagram(width, height, headers, nodes, edges, boxes, builder.frames, builder.notes)


def _frame_title(builder: _Builder, frame: Frame) -> str:
    names = {"sources": "sources", "recipients": "recipients", "processors": "processors"}
    fields = [names[name] for name in frame.fields]
    listed = fields[0] if len(fields) == 1 else ", ".join(fields[:-1]) + " and " + fields[-1]
    count = len(frame.services)
    return f"{count} service{'' if count == 1 else 's'} relying on the notice-wide {listed}"


def _anchor(builder: _Builder, key: Key, side: str) -> tuple[float, float, str]:
    """Where a flow leaves (side "out") or reaches (side "in") an item, and its name."""
    if key in builder.nodes:
        node = builder.nodes[key]
        return (node.x + node.width if side == "out" else node.x - 5), node.middle, node.label
    if key in builder.line_of:
        box, line = builder.line_of[key]
        return (box.x + box.width if side == "out" else box.x - 5), box.y + line.middle, line.label
    for box in builder.boxes.values():
        if box.key == key:
            return (box.x + box.width if side == "out" else box.x - 5), box.middle, box.title[0]
    frame = next(frame for frame in builder.frames if frame.key == key)
    return (frame.x + frame.width if side == "out" else frame.x - 5), frame.middle, " ".join(frame.title)


def _edge(builder: _Builder, source: Key, target: Key, severity: Severity | None) -> Edge:
    x1, y1, name1 = _anchor(builder, source, "out")
    x2, y2, name2 = _anchor(builder, target, "in")
    middle = (x1 + x2) / 2
    path = f"M{x1:.1f} {y1:.1f}C{middle:.1f} {y1:.1f} {middle:.1f} {y2:.1f} {x2:.1f} {y2:.1f}"
    title = f"{name1} \u2192 {name2}" + (f" ({severity.value} findings about this flow)" if severity else "")
    return Edge(path, severity, title)
