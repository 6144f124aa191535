"""The kinds of provider the window offers: a preset per built-in format (with the base
URL its vendor documents), the formats' summaries and the auth schemes, worded for the
window (the CLI shows the core's English)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from videomon.core.providers.auth import AUTH_EXAMPLES
from videomon.core.providers.formats.builtin import VENDOR_BASE_URLS
from videomon.core.providers.formats.catalog import FormatCatalog
from videomon.core.providers.profiles import CONCURRENCY_RANGE, INTERVAL_RANGE


@dataclass(frozen=True, slots=True)
class ProviderPreset:
    """A kind of provider (title, what and auth are translated where shown)."""

    dialect: str
    title: str
    what: str
    base_url: str
    auth: str
    docs: str


def _native(dialect: str, title: str, what: str, auth: str, docs: str) -> ProviderPreset:
    return ProviderPreset(dialect, title, what, VENDOR_BASE_URLS[dialect], auth, docs)


BEARER = QT_TRANSLATE_NOOP("WelcomePanel", "Bearer key")
#: the four the welcome shows as cards; `MORE_PRESETS` are in its "More video APIs" list
PRESETS = (
    ProviderPreset(
        "openai", QT_TRANSLATE_NOOP("WelcomePanel", "OpenAI Sora, or a compatible relay"),
        QT_TRANSLATE_NOOP("WelcomePanel", "GET /v1/videos/{id} — the OpenAI Videos API and "
                          "most Sora relays"),
        "https://api.openai.com", BEARER,
        "https://platform.openai.com/docs/api-reference/videos"),
    ProviderPreset(
        "unified", QT_TRANSLATE_NOOP("WelcomePanel", "Unified video relay"),
        QT_TRANSLATE_NOOP("WelcomePanel", "GET /v2/videos/generations/{id} — relays that "
                          "serve Veo, Sora and Kling through one endpoint"),
        "https://your-relay.example", BEARER, ""),
    ProviderPreset(
        "tasks", QT_TRANSLATE_NOOP("WelcomePanel", "Task-style relay"),
        QT_TRANSLATE_NOOP("WelcomePanel", "GET /v1/videos/tasks/{id} — relays answering with "
                          "a task object"),
        "https://your-relay.example", QT_TRANSLATE_NOOP("WelcomePanel", "the bare key"), ""),
    ProviderPreset(
        "gemini", QT_TRANSLATE_NOOP("WelcomePanel", "Google Gemini API (Veo)"),
        QT_TRANSLATE_NOOP("WelcomePanel", "GET /v1beta/{operation} — Veo long-running "
                          "operations"),
        "https://generativelanguage.googleapis.com",
        QT_TRANSLATE_NOOP("WelcomePanel", "x-goog-api-key header"),
        "https://ai.google.dev/gemini-api/docs/video"),
)
MORE_PRESETS = (
    _native("kling", QT_TRANSLATE_NOOP("WelcomePanel", "Kling (official API)"),
            QT_TRANSLATE_NOOP("WelcomePanel", "GET /v1/videos/text2video/{id} — Kling's own "
                              "API; the key is ACCESS_KEY:SECRET_KEY"),
            QT_TRANSLATE_NOOP("WelcomePanel", "a signed token (made for you)"),
            "https://app.klingai.com/global/dev/document-api"),
    ProviderPreset(
        "kling-relay", QT_TRANSLATE_NOOP("WelcomePanel", "Kling through a relay"),
        QT_TRANSLATE_NOOP("WelcomePanel", "GET /kling/v1/videos/text2video/{id} — relays "
                          "passing Kling through"),
        "https://your-relay.example", BEARER, ""),
    _native("seedance", QT_TRANSLATE_NOOP("WelcomePanel", "Doubao Seedance (Volcengine Ark)"),
            QT_TRANSLATE_NOOP("WelcomePanel", "GET /api/v3/contents/generations/tasks/{id}"),
            BEARER, "https://www.volcengine.com/docs/82379"),
    _native("wan", QT_TRANSLATE_NOOP("WelcomePanel", "Alibaba Wan (DashScope)"),
            QT_TRANSLATE_NOOP("WelcomePanel", "GET /api/v1/tasks/{id}"), BEARER,
            "https://help.aliyun.com/zh/model-studio/"),
    _native("minimax", QT_TRANSLATE_NOOP("WelcomePanel", "MiniMax Hailuo"),
            QT_TRANSLATE_NOOP("WelcomePanel", "GET /v1/query/video_generation, then the file "
                              "by its ID"),
            BEARER, "https://platform.minimaxi.com/document/video_generation"),
    _native("runway", QT_TRANSLATE_NOOP("WelcomePanel", "Runway"),
            QT_TRANSLATE_NOOP("WelcomePanel", "GET /v1/tasks/{id}"), BEARER,
            "https://docs.dev.runwayml.com/api/"),
    _native("luma", QT_TRANSLATE_NOOP("WelcomePanel", "Luma Dream Machine"),
            QT_TRANSLATE_NOOP("WelcomePanel", "GET /dream-machine/v1/generations/{id}"), BEARER,
            "https://docs.lumalabs.ai/"),
    _native("replicate", QT_TRANSLATE_NOOP("WelcomePanel", "Replicate"),
            QT_TRANSLATE_NOOP("WelcomePanel", "GET /v1/predictions/{id}"), BEARER,
            "https://replicate.com/docs/reference/http"),
    _native("fal", QT_TRANSLATE_NOOP("WelcomePanel", "fal"),
            QT_TRANSLATE_NOOP("WelcomePanel", "GET {model}/requests/{id}/status, then the "
                              "result"),
            QT_TRANSLATE_NOOP("WelcomePanel", "“Key …” header"),
            "https://docs.fal.ai/model-apis/model-endpoints/queue"),
)
ALL_PRESETS = PRESETS + MORE_PRESETS

AUTH_CHOICES = AUTH_EXAMPLES
# (the form's ranges, CONCURRENCY_RANGE and INTERVAL_RANGE, are the profile's own limits)
#: the built-in formats' summaries, as the core writes them, marked for translation
#: (tests/ui/test_language.py checks that these are the core's words, all of them)
FORMAT_SUMMARIES = (
    QT_TRANSLATE_NOOP("SettingsDialog", "OpenAI Videos API and compatible relays: GET "
                      "/v1/videos/{id}"),
    QT_TRANSLATE_NOOP("SettingsDialog", "unified relay format: GET /v2/videos/generations/{id}"),
    QT_TRANSLATE_NOOP("SettingsDialog", "tasks relay format: GET /v1/videos/tasks/{id} (bare key)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Google Veo via the Gemini API: GET /v1beta/{operation "
                      "name}"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Kling official API: GET /v1/videos/text2video/{id} (then "
                      "image2video); JWT from access key + secret key"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Kling through a relay: GET "
                      "/kling/v1/videos/text2video/{id} (bearer key)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Doubao Seedance (Volcengine Ark): GET "
                      "/api/v3/contents/generations/tasks/{id}"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Alibaba Wan (DashScope): GET /api/v1/tasks/{id}"),
    QT_TRANSLATE_NOOP("SettingsDialog", "MiniMax Hailuo: GET /v1/query/video_generation?"
                      "task_id={id}, then /v1/files/retrieve for the file"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Runway: GET /v1/tasks/{id} (X-Runway-Version 2024-11-06)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Luma Dream Machine: GET "
                      "/dream-machine/v1/generations/{id}"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Replicate predictions: GET /v1/predictions/{id}"),
    QT_TRANSLATE_NOOP("SettingsDialog", "fal queue: GET {base}/{model}/requests/{request}/status, "
                      "then the result"),
)


def invalid_field_text(field: str | None) -> str | None:
    """What a provider form's field must hold, in the user's language (None: not known)."""
    texts = {
        "name": QCoreApplication.translate(
            "SettingsDialog", "The name may hold letters, digits, spaces and . _ - (at most "
            "64, starting with a letter or digit)."),
        "base_url": QCoreApplication.translate(
            "SettingsDialog", "The base URL must look like https://host[:port][/path], "
            "without a query or fragment."),
        "auth": QCoreApplication.translate(
            "SettingsDialog", "Auth must be bearer, raw, none, header:NAME (for example "
            "header:x-goog-api-key), prefix:WORD or kling-jwt."),
        "interval": QCoreApplication.translate(
            "SettingsDialog", "The poll interval must be between {low} and {high} seconds.")
        .format(low=f"{INTERVAL_RANGE[0]:g}", high=f"{INTERVAL_RANGE[1]:g}"),
        "max_concurrency": QCoreApplication.translate(
            "SettingsDialog", "Max concurrent requests must be between {low} and {high}.")
        .format(low=CONCURRENCY_RANGE[0], high=CONCURRENCY_RANGE[1]),
        "proxy": QCoreApplication.translate(
            "SettingsDialog", "The proxy must be an http, https or socks5 URL with a host."),
    }
    return texts.get(field or "")


def format_choices(catalog: FormatCatalog) -> list[tuple[str, str]]:
    """(shown text, name) of each known format, its summary translated where it is one of
    ours (the rest are the user's own words)."""
    out = []
    for entry in catalog.entries():
        summary = QCoreApplication.translate("SettingsDialog", entry.summary) \
            if entry.builtin else entry.summary
        out.append((f"{entry.name} — {summary}".rstrip(" —"), entry.name))
    return out
