"""Settings from files: `mtcheck.toml` or `[tool.mtcheck]` in `pyproject.toml`, found upward
from the checked paths, under the command line's options.

Discovery follows ruff: from each checked path's folder upward to the filesystem root (a
`.git` folder does not stop the walk), the first folder with a configuration wins;
`mtcheck.toml` wins over `pyproject.toml` in the same folder, and a `pyproject.toml` without a
`[tool.mtcheck]` table is passed over. Settings are not merged across files. One configuration
serves the whole run: the one found from the first path that has one. Unlike ruff, relative
paths in a file (glossaries, include and exclude globs) are always taken from that file's
folder, also when it is named with `--config`.
"""
from __future__ import annotations

import dataclasses
import difflib
import os
import re
import stat
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.errors import InputError
from mtcheck.model import Severity

CONFIG_NAME = "mtcheck.toml"
PYPROJECT_NAME = "pyproject.toml"
SCOPES = ("file", "run")

# key: (what it holds, for messages; the option of `check` it stands for, or None)
KEYS: dict[str, tuple[str, str | None]] = {
    "glossaries": ("a list of file paths", "glossaries"),
    "lang": ("a language code", "lang"),
    "source-lang": ("a language code", "source_lang"),
    "foreign-langs": ("a list of language codes, or [\"all\"]", "foreign_langs"),
    "select": ("a list of rule ids or names", None),      # layered under the command line's: Config.rules
    "ignore": ("a list of rule ids or names", None),
    "severity": ("a table of rule = severity", None),
    "include": ("a list of globs", None),
    "exclude": ("a list of globs", None),
    "force-exclude": ("true or false", None),
    "fail-on": ("a severity", "fail_on"),
    "consistency": ("file or run", "consistency"),
    "format": ("an output format", "output_format"),
    "warn-unused-ignores": ("true or false", "warn_unused_ignores"),
    "all-senses": ("true or false", "all_senses"),
    "no-variants": ("true or false", "no_variants"),
    "demo-glossary": ("true or false", "demo_glossary"),
}
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class Config:
    """The settings of one configuration file (all empty: no file)."""

    path: str | None = None
    root: Path = field(default_factory=Path.cwd)      # relative paths and globs start here
    values: Mapping[str, object] = field(default_factory=dict)   # validated, by TOML key
    lines: Mapping[str, int] = field(default_factory=dict)       # where each key is set
    warnings: tuple[str, ...] = ()                    # about discovery, for the user to hear

    def get(self, key: str, default=None):
        return self.values.get(key, default)

    @property
    def severities(self) -> dict[str, Severity]:
        return dict(self.get("severity", {}))

    def error(self, key: str, message: str) -> InputError:
        """`path:line: message` for a key of this file."""
        return InputError(self.path or CONFIG_NAME, message, self.lines.get(key))

    def options(self, params: Mapping[str, object], given: Iterable[str], choices: Mapping[str, Sequence[str]],
                keys: Iterable[str]) -> dict[str, object]:
        """A command's parameters with the configured `keys` filled in where the command line
        left them at their defaults. `choices` (parameter -> allowed values) validates the
        keys whose values the command defines, such as `format`."""
        given = set(given)
        merged = dict(params)
        for key in keys:
            param = KEYS[key][1]
            if key not in self.values or param is None or param not in params:
                continue
            value = self.values[key]
            allowed = choices.get(param)
            if allowed is not None and value not in allowed:  # wrong even where the option overrides it
                raise self.error(key, f"'{key}' must be one of {', '.join(allowed)}, not {value!r}")
            if param not in given:
                merged[param] = tuple(value) if isinstance(value, list) else value
        return merged

    def rules(self, select: Sequence[str], ignore: Sequence[str]):
        """The rules to run: the file's select and ignore, then the command line's on top (as
        ruff layers them: a later `select` starts afresh, every `ignore` drops). Names in the
        file were checked when it was loaded; an unknown name given here raises ValueError."""
        from mtcheck.rules import DEFAULT_RULES, select_rules

        rules = list(DEFAULT_RULES)
        for layer_select, layer_ignore in ((self.get("select", []), self.get("ignore", [])), (select, ignore)):
            if layer_select:
                rules = select_rules(list(layer_select))
            if layer_ignore:
                dropped = set(select_rules(list(layer_ignore)))
                rules = [r for r in rules if r not in dropped]
        return rules

    def selection(self, exclude: Sequence[str] | None = None, extend_exclude: Sequence[str] = ()) -> Selection | None:
        """The include/exclude filter of folder contents, or None when nothing sets one.
        `exclude` (the command line's, relative to the current folder) replaces the file's
        exclude; `extend_exclude` adds to it."""
        include = self.get("include", [])
        configured = self.get("exclude", []) if exclude is None else []
        force = bool(self.get("force-exclude", False))
        parts = []
        if include or configured:
            parts.append(FileSelection(self.root, include, configured, force))
        given = [*(exclude or ()), *extend_exclude]
        if given:
            parts.append(FileSelection(Path.cwd(), [], given, force))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else Selection(parts)


def load_settings(paths: Sequence[str], config_file: str | None = None, isolated: bool = False) -> Config:
    """The configuration of a run: `config_file`, else the one found upward from `paths`,
    else none; `isolated` ignores every file."""
    if isolated:
        return Config()
    if config_file:
        return load_config(config_file, explicit=True)
    found: list[Path] = []
    for given in paths:
        start = Path(given)
        start = start if _is_folder(start) else start.parent
        nearest = find_config(start)
        if nearest is not None and all(not nearest.samefile(other) for other in found):
            found.append(nearest)
    if not found:
        return Config()
    config = load_config(found[0])
    if len(found) > 1:
        others = ", ".join(str(p) for p in found[1:])
        warning = f"one configuration per run: {config.path} is used, not {others}"
        config = dataclasses.replace(config, warnings=(warning,))
    return config


def find_config(start: str | Path) -> Path | None:
    """The nearest `mtcheck.toml`, or `pyproject.toml` with a `[tool.mtcheck]` table, in
    `start` or a folder above it."""
    folder = Path(os.path.abspath(start))
    relative = not Path(start).is_absolute()
    for candidate in (folder, *folder.parents):
        if relative:  # named as the user named the path: relative stays relative
            candidate = Path(os.path.relpath(candidate))
        own = candidate / CONFIG_NAME
        if _present(own):
            return own
        pyproject = candidate / PYPROJECT_NAME
        if _present(pyproject) and _has_tool_table(pyproject):
            return pyproject
    return None


def _present(path: Path) -> bool:
    """Whether a configuration file lies at `path`. A folder that cannot be searched holds
    none that can be seen; a file that is there but cannot be read is read, to say why."""
    try:
        return not stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):  # ValueError: a NUL in the path
        return False


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _has_tool_table(path: Path) -> bool:
    text = _read(path)
    if "mtcheck" not in text:  # most pyproject files: no need to parse them
        return False
    data = _parse(text, path)
    tool = data.get("tool")
    return isinstance(tool, dict) and "mtcheck" in tool


def load_config(path: str | Path, explicit: bool = False) -> Config:
    """One configuration file, validated; an error names the file and the key's line."""
    path = Path(path)
    if explicit and not _present(path):
        raise InputError(str(path), "no such configuration file")
    text = _read(path)
    data = _parse(text, path)
    prefix: tuple[str, ...] = ()
    table = data
    if path.name == PYPROJECT_NAME:
        prefix = ("tool", "mtcheck")
        tool = data.get("tool", {})
        table = tool.get("mtcheck") if isinstance(tool, dict) else None
        if table is None:
            raise InputError(str(path), "no [tool.mtcheck] table")
        if not isinstance(table, dict):
            raise InputError(str(path), "tool.mtcheck must be a table", _key_lines(text, ()).get(prefix))
    lines = _key_lines(text, prefix)
    key_lines = {key: _line_of(lines, (key,)) for key in table}
    root = Path(os.path.abspath(path)).parent
    config = Config(str(path), root, {}, key_lines)
    values = {key: _validate(config, key, value, lines) for key, value in table.items()}
    return Config(str(path), root, values, key_lines)


def _validate(config: Config, key: str, value: object, lines: Mapping[tuple[str, ...], int]) -> object:
    """A key's value as the run uses it; an InputError at the key's line when it is wrong."""
    if key not in KEYS:
        close = difflib.get_close_matches(key, KEYS, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f"; known keys: {', '.join(KEYS)}"
        where = " in [tool.mtcheck]" if Path(config.path).name == PYPROJECT_NAME else ""
        raise config.error(key, f"unknown key '{key}'{where}{hint}")
    kind = _KINDS.get(key, str)
    if kind is list:
        ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    else:
        ok = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
    if not ok:
        raise config.error(key, f"'{key}' must be {KEYS[key][0]}, not {_type_name(value)} {value!r}")
    if key == "glossaries":
        resolved = [str(config.root / v) for v in value]
        for given, full in zip(value, resolved):
            if not _is_file(Path(full)):
                raise config.error(key, f"glossary {given!r} not found (looked for {full})")
        return resolved
    if key in ("include", "exclude"):
        for glob in value:
            try:
                _glob_regex(glob)
            except re.error as exc:
                raise config.error(key, f"'{key}': {glob!r} is not a glob: {exc.msg}") from None
    if key in ("select", "ignore"):
        from mtcheck.rules import select_rules

        try:
            select_rules(value)
        except ValueError as exc:
            raise config.error(key, f"'{key}': {exc}") from None
    elif key == "foreign-langs":
        wrong = [code for code in value if code != "all" and not _LANG_RE.match(code)]
        if wrong:
            raise config.error(key, f"'{key}' must hold BCP-47 language codes such as 'en', or 'all', not {wrong[0]!r}")
    elif key in ("lang", "source-lang") and not _LANG_RE.match(value):
        raise config.error(key, f"'{key}' must be a BCP-47 language code such as 'de' or 'nb-NO', not {value!r}")
    elif key == "fail-on":
        try:
            return Severity.parse(value).label
        except ValueError as exc:
            raise config.error(key, f"'{key}': {exc}") from None
    elif key == "consistency" and value not in SCOPES:
        raise config.error(key, f"'{key}' must be one of {', '.join(SCOPES)}, not {value!r}")
    elif key == "severity":
        return _severities(config, value, lines)
    return value  # `format` is checked by the command, which knows its formats (Config.options)


_KINDS = {"glossaries": list, "foreign-langs": list, "select": list, "ignore": list, "include": list, "exclude": list,
          "force-exclude": bool, "warn-unused-ignores": bool, "all-senses": bool, "no-variants": bool, "demo-glossary": bool, "severity": dict}


def _severities(config: Config, table: dict, lines: Mapping[tuple[str, ...], int]) -> dict[str, Severity]:
    """{rule id: Severity} from `{GL002 = "error", inconsistent-translation = "info"}`."""
    from mtcheck.suppress import known_rules, rule_named

    out: dict[str, Severity] = {}
    for name, level in table.items():
        line = _line_of(lines, ("severity", name))
        rule = rule_named(name)
        if rule is None:
            ids = ", ".join(f"{r.id} ({r.name})" for r in known_rules())
            raise InputError(config.path, f"severity: unknown rule {name!r}; known rules: {ids}", line)
        if not isinstance(level, str):
            raise InputError(config.path, f"severity of {name} must be error, warning or info, "
                                          f"not {_type_name(level)} {level!r}", line)
        try:
            out[rule.id] = Severity.parse(level)
        except ValueError as exc:
            raise InputError(config.path, f"severity of {name}: {exc}", line) from None
    return out


def _type_name(value: object) -> str:
    return {bool: "boolean", int: "integer", float: "number", str: "string", list: "list",
            dict: "table"}.get(type(value), type(value).__name__)


# -- reading TOML -------------------------------------------------------------------------------
def _read(path: Path) -> str:
    from mtcheck.textio import read_text

    return read_text(path)


def _parse(text: str, path: Path) -> dict:
    import tomllib

    try:
        return tomllib.loads(text)
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        raise InputError(str(path), "invalid TOML: arrays or tables nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$", message)
        line = None
        if found:
            line = int(found.group(1)) if found.group(1) else text.count("\n") + (not text.endswith("\n"))
        if found:
            message = message[:found.start()]
        raise InputError(str(path), f"invalid TOML: {message}", line) from None


_BARE_KEY = r"[A-Za-z0-9_-]+"
_KEY = rf"""(?:{_BARE_KEY}|"(?:[^"\\]|\\.)*"|'[^']*')"""
_KEY_PATH = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_HEADER_RE = re.compile(rf"^\s*\[\[?\s*({_KEY_PATH})\s*\]\]?\s*(?:#.*)?$")
_ASSIGN_RE = re.compile(rf"^\s*({_KEY_PATH})\s*=")
_PART_RE = re.compile(_KEY)


def _split_key(path: str) -> tuple[str, ...]:
    parts = []
    for part in _PART_RE.findall(path):
        if part.startswith('"'):
            part = _basic_string(part)
        elif part.startswith("'"):
            part = part[1:-1]
        parts.append(part)
    return tuple(parts)


def _basic_string(quoted: str) -> str:
    """A quoted key's text, decoded as TOML decodes it (its escapes are not all JSON's);
    as written where it is no TOML (the line scanner can meet anything)."""
    import tomllib

    try:
        return next(iter(tomllib.loads(f"{quoted} = 0")))
    except (tomllib.TOMLDecodeError, StopIteration):
        return quoted


def _key_lines(text: str, prefix: tuple[str, ...]) -> dict[tuple[str, ...], int]:
    """The line where each key path under `prefix` is first set or opened as a table, the
    key paths taken relative to `prefix` (tomllib keeps no lines).

    A line scanner, enough for the keys of a configuration: it skips multi-line strings and
    takes `a.b = 1` and `[a]` then `b = 1` as the same key path.
    """
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    in_string = None
    for number, line in enumerate(text.split("\n"), 1):
        if in_string:
            if line.count(in_string) % 2:
                in_string = None
            continue
        header = _HEADER_RE.match(line)
        if header:
            table = _split_key(header.group(1))
            key = table
        else:
            assign = _ASSIGN_RE.match(line)
            if not assign:
                continue
            key = table + _split_key(assign.group(1))
            rest = line[assign.end():]
            in_string = next((q for q in ('"""', "'''") if rest.count(q) % 2), None)
        if key[:len(prefix)] == prefix:
            for depth in range(len(prefix), len(key) + 1):
                lines.setdefault(key[len(prefix):depth], number)
    return lines


def _line_of(lines: Mapping[tuple[str, ...], int], key: tuple[str, ...]) -> int | None:
    """The line of a key path, else of its nearest enclosing key or table."""
    for depth in range(len(key), 0, -1):
        if key[:depth] in lines:
            return lines[key[:depth]]
    return lines.get(())


# -- include and exclude -------------------------------------------------------------------------
class Selection:
    """Several selections at once: a file is checked when each accepts it."""

    def __init__(self, parts: Sequence[FileSelection]):
        self.parts = list(parts)

    def accepts(self, path: str, named: bool = False) -> bool:
        return all(part.accepts(path, named) for part in self.parts)

    def excludes(self, path: str) -> bool:
        return any(part.excludes(path) for part in self.parts)


class FileSelection:
    """Which files a run checks, by globs relative to the configuration's folder.

    Globs follow .gitignore's habits: one without a slash matches a name at any depth, `**`
    spans folders, and a glob that matches a folder matches everything in it. `include` and
    `exclude` apply to the files found in folders; files named on the command line are always
    checked, unless `force-exclude` (for pre-commit, which names every file) lets `exclude`
    apply to them too.
    """

    def __init__(self, root: Path, include: Sequence[str], exclude: Sequence[str], force_exclude: bool = False):
        self.root = root
        self.include = [_glob_regex(g) for g in include]
        self.exclude = [_glob_regex(g) for g in exclude]
        self.force_exclude = force_exclude

    def accepts(self, path: str, named: bool = False) -> bool:
        """Whether a file is checked: found in a folder, or `named` on the command line."""
        relative = self._relative(path)
        if named:
            return not (self.force_exclude and any(g.match(relative) for g in self.exclude))
        if self.include and not any(g.match(relative) for g in self.include):
            return False
        return not any(g.match(relative) for g in self.exclude)

    def excludes(self, path: str) -> bool:
        """Whether `exclude` leaves out a path found in a folder (a folder: all it holds)."""
        relative = self._relative(path)
        return any(g.match(relative) for g in self.exclude)

    def _relative(self, path: str) -> str:
        """The path from the configuration's folder; absolute (without the leading slash)
        for a file outside it, so that only unanchored globs can match it."""
        full = os.path.abspath(path)
        try:
            relative = os.path.relpath(full, self.root)
        except ValueError:  # another drive
            relative = ".."
        if relative == ".." or relative.startswith(".." + os.sep):
            return Path(full).as_posix().lstrip("/")
        return Path(relative).as_posix()


def _glob_regex(glob: str) -> re.Pattern:
    glob = glob.strip().removeprefix("./")
    anchored = "/" in glob.rstrip("/")
    glob = glob.strip("/")
    out = [] if anchored else ["(?:.*/)?"]
    index = 0
    while index < len(glob):
        char = glob[index]
        if glob.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if glob.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = glob.find("]", index + 2)
            if end < 0:
                out.append(re.escape(char))
            else:
                out.append(_char_set(glob[index + 1:end]))
                index = end
        else:
            out.append(re.escape(char))
        index += 1
    with warnings.catch_warnings():  # a literal `--` in a set: re warns of set operations to come
        warnings.simplefilter("ignore", FutureWarning)
        return re.compile("".join(out) + "(?:/.*)?$")


def _char_set(body: str) -> str:
    """A glob's `[...]` as a regular expression's set: `!` or `^` first negates; `\\`, `[`
    and the characters of set operations (`&&`, `||`, `~~`) are plain characters."""
    negated = body.startswith(("!", "^"))
    body = re.sub(r"([\\\[&|~])", r"\\\1", body[1:] if negated else body)
    return f"[{'^' if negated else ''}{body}]"
