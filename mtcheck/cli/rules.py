"""`mtcheck rules`: the rules and their documentation."""
from __future__ import annotations


import click

from mtcheck.cli.exits import EXIT_CLEAN


@click.command()
@click.argument("rule_ids", nargs=-1)
def rules(rule_ids):
    """List the rules, or show the full documentation of the named ones."""
    from mtcheck.rules import ALL_RULES, select_rules
    from mtcheck.suppress import UnusedIgnore

    if rule_ids:
        wanted = [r for r in rule_ids if r.upper() != UnusedIgnore.id and r.lower() != UnusedIgnore.name]
        try:
            chosen = select_rules(wanted) if wanted else []
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
        if len(wanted) < len(rule_ids):
            chosen = [UnusedIgnore, *chosen]
        for rule in chosen:
            click.echo(f"{rule.id} {rule.name} [{rule.severity.label}]\n")
            click.echo(rule.documentation() + "\n")
        return EXIT_CLEAN
    click.echo(f"{UnusedIgnore.id}  {UnusedIgnore.name:<24} {UnusedIgnore.severity.label:<8} "
               f"{UnusedIgnore.summary()} (with --warn-unused-ignores)")
    for rule in ALL_RULES:
        opt_in = "" if rule.default else " (opt-in: --select)"
        click.echo(f"{rule.id}  {rule.name:<24} {rule.severity.label:<8} {rule.summary()}{opt_in}")
    return EXIT_CLEAN
