"""The library room: what the user says about videos (titles, tags, stars, notes), what
they cost, and handing them on (export, import)."""
