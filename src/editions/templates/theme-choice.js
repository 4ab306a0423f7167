{#- furo's light/dark choice, which any edition's toggle keeps (localStorage "theme", shown as
    body's data-theme): the same on the pages beside the editions, before the first paint.
    Included by landing.html, 404.html and status.html, inside a <script> right after <body>. -#}
try { document.body.dataset.theme = localStorage.getItem("theme") || "auto"; } catch (error) { document.body.dataset.theme = "auto"; }
