"""Qt-free core of videomon: domain, provider dialects, HTTP, credentials, CLI services."""
