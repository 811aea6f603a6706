// A separate file rather than an inline script, so the page works under the strict CSP.
window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
