/**
 * The Swagger UI page for one API, served from the app itself (assets from the swagger-ui-dist
 * package under `{basePath}/docs/assets/`, nothing from a CDN). "Authorize" uses the OAuth2
 * password grant against `{basePath}/auth/token`.
 */
export function docsPage(basePath: string, title: string): string {
  const assets = `${basePath}/docs/assets`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${assets}/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${assets}/swagger-ui-bundle.js"></script>
  <script src="${basePath}/docs/init.js"></script>
</body>
</html>`;
}

/** The initialiser script (a separate file, so the Content-Security-Policy needs no inline script). */
export function docsInitScript(basePath: string): string {
  return `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(`${basePath}/openapi.json`)},
  dom_id: '#swagger-ui',
  persistAuthorization: true,
  deepLinking: true,
});
`;
}
