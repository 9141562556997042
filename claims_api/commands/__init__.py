"""Subcommands of ``claims-api``; see ``claims_api.cli.COMMANDS``."""
