/// The page shell used when a project has no `templates/layouts/default.html`.
enum DefaultLayout {
  static let source = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{page.title}} · {{site.title}}</title>
    <link rel="stylesheet" href="{{root}}assets/folio.css">
    </head>
    <body>
    <nav class="site-nav">{{#nav}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a> {{/nav}}</nav>
    <main class="page">
    {{{content}}}
    </main>
    </body>
    </html>

    """

  // The source above is a constant known to compile.
  static let template = try! Template(source: source, path: "(built-in layout)")
}
