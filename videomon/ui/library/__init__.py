"""The library room: what a video is (Details, its title, tags, star and notes), what it
cost, the gallery and its pictures, handing videos on (export, import). It may import
table/, look/, runtime/ and wording, never window/ or settings/."""
