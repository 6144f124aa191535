"""What every CLI command needs: paths, config, credentials, and the target of a lookup."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from videomon.core.config.paths import AppPaths
from videomon.core.domain.errors import ConfigError
from videomon.core.providers.auth import AUTH_FORMS
from videomon.core.providers.credentials import CredentialStore
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.profiles import (
    INSECURE_WARNING,
    ConfigStore,
    Profile,
    insecure_base_url,
)


@dataclass
class CliContext:
    paths: AppPaths
    config: ConfigStore
    credentials: CredentialStore

    @property
    def formats(self) -> FormatRegistry:
        return self.config.formats

    @classmethod
    def create(cls, formats: FormatRegistry) -> CliContext:
        paths = AppPaths.from_environment()
        return cls(paths, ConfigStore(paths.config_file, formats), CredentialStore())


@dataclass(frozen=True)
class Target:
    """A profile to query, the key for it, and the name to report (None when ad hoc)."""

    profile: Profile
    key: str | None
    label: str | None


def add_selector_args(parser: argparse.ArgumentParser, formats: FormatRegistry) -> None:
    group = parser.add_argument_group(
        "provider selection", "either a saved profile, or --base-url with --format "
        "(the key then comes from $VIDEOMON_API_KEY)")
    group.add_argument("--profile", "-p", metavar="NAME", help="a saved provider profile")
    group.add_argument("--base-url", metavar="URL", help="provider base URL, e.g. https://relay.example")
    group.add_argument("--format", "--dialect", dest="dialect", choices=sorted(formats),
                       metavar="FORMAT", help="the provider's API format (--dialect: its "
                       "former name, still accepted)")
    group.add_argument("--auth", metavar="SCHEME",
                       help=" | ".join(AUTH_FORMS) + " (default depends on the dialect)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="S",
                        help="total seconds per lookup, retries included (default 30)")


def resolve_target(ctx: CliContext, args: argparse.Namespace) -> Target:
    if args.profile:
        if args.base_url or args.dialect or args.auth:
            raise ConfigError("use either --profile or --base-url/--format/--auth, not both")
        profile = ctx.config.get(args.profile)
        label: str | None = profile.name
    else:
        if not (args.base_url and args.dialect):
            raise ConfigError("say which provider to ask: --profile NAME, or --base-url URL "
                              "--format F")
        profile = ctx.formats.complete(Profile(
            name="ad-hoc", dialect=args.dialect, base_url=args.base_url, auth=args.auth or ""))
        label = None
    key = ctx.credentials.get_key(label)
    if key is not None and insecure_base_url(profile.base_url):
        print(f"videomon: warning: {INSECURE_WARNING.format(url=profile.base_url)}",
              file=sys.stderr)
    if key is None and profile.auth != "none":
        print(f"videomon: note: {ctx.credentials.explain_missing(label)}; "
              "asking without a key", file=sys.stderr)
    return Target(profile, key, label)
