/// The stylesheet the email edition inlines: literal colours (no `var()`), system
/// fonts, and only properties mail clients honour from a `style` attribute.
public enum EmailStyles {
  /// Inlined into every element by `CSSInliner`; selectors use Folio's page classes
  /// plus the `email-*` classes of the layout `EmailHTML` wraps around them.
  public static let css = """
    body { margin: 0; padding: 0; background-color: #eef1f5; }
    .email-outer { width: 100%; background-color: #eef1f5; }
    .email-outer-cell { padding: 16px 8px; }
    .email-frame { width: 640px; max-width: 640px; background-color: #ffffff; border: 1px solid #dde1e7; border-collapse: collapse; }
    .email-header { background-color: #1f5fa8; color: #ffffff; padding: 16px 20px; font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; }
    .email-title { font-size: 18px; font-weight: 700; color: #ffffff; }
    .email-edition { font-size: 14px; color: #dce8f6; }
    .email-content { padding: 8px 20px 20px; font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1d2430; }
    .email-footer { padding: 14px 20px 18px; border-top: 1px solid #dde1e7; background-color: #f6f7f9; font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; font-size: 13px; color: #4a5568; }
    .email-footer a { color: #1f5fa8; }
    .email-section { border-top: 2px solid #dde1e7; margin-top: 24px; }
    a { color: #1f5fa8; }
    h1 { font-size: 24px; line-height: 1.25; margin: 16px 0 6px; color: #1d2430; }
    h2 { font-size: 19px; line-height: 1.3; margin: 26px 0 8px; padding-top: 8px; border-top: 1px solid #dde1e7; color: #1d2430; }
    h3 { font-size: 16px; margin: 20px 0 6px; color: #1d2430; }
    p { margin: 0 0 12px; }
    ul, ol { margin: 0 0 12px; padding-left: 22px; }
    li { margin: 0 0 4px; }
    code { font-family: Menlo, Consolas, monospace; font-size: 13px; }
    .lead { color: #4a5568; font-size: 16px; margin-top: 0; }
    .cards { width: 100%; border-collapse: separate; border-spacing: 0; margin: 8px 0; }
    .card { width: 49%; vertical-align: top; padding: 12px 14px; background-color: #f6f7f9; border: 1px solid #dde1e7; border-radius: 6px; }
    .card-gap { width: 2%; font-size: 0; line-height: 0; }
    .card-label { color: #4a5568; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.5px; }
    .card-value { font-size: 28px; font-weight: 700; line-height: 1.2; margin: 4px 0; color: #1d2430; }
    .card-delta { font-size: 13px; color: #4a5568; }
    .card-target { font-size: 13px; color: #4a5568; }
    .card-note { font-size: 13px; color: #4a5568; }
    .card-delta.good, .card-target.good { color: #1a7f4b; }
    .card-delta.bad, .card-target.bad { color: #b42318; }
    .value { font-size: 28px; font-weight: 700; margin: 6px 0; }
    .table-wrap { margin: 10px 0 18px; }
    .data-table { width: 100%; border-collapse: collapse; font-size: 13px; }
    .data-table caption { text-align: left; font-weight: 700; padding: 4px 0; }
    .data-table th { padding: 6px 8px; text-align: left; color: #4a5568; font-size: 11px; font-weight: 700; text-transform: uppercase; border-bottom: 2px solid #dde1e7; }
    .data-table td { padding: 6px 8px; text-align: left; border-bottom: 1px solid #dde1e7; vertical-align: middle; }
    .data-table .num { text-align: right; white-space: nowrap; }
    .data-table td.bad { color: #b42318; background-color: #fdecea; font-weight: 700; }
    .data-table td.good { color: #1a7f4b; background-color: #e6f4ec; }
    .data-table td.empty { color: #718096; font-style: italic; }
    .table-note { color: #718096; font-size: 12px; margin: 4px 0; }
    .chart { margin: 12px 0 20px; }
    .chart-img { display: block; border: 0; max-width: 100%; height: auto; }
    .spark-img { display: inline-block; border: 0; vertical-align: middle; }
    .insight { border-left: 4px solid #1f5fa8; padding: 6px 12px; background-color: #f6f7f9; margin: 10px 0; }
    .verdict-improved { color: #1a7f4b; font-weight: 700; }
    .verdict-worsened { color: #b42318; font-weight: 700; }
    .verdict-no-clear-change { color: #4a5568; font-weight: 700; }
    """
}
