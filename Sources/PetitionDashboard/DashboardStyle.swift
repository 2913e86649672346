/// The pages' one style sheet: Chinese type first, tables that fit a screen,
/// and A4 landscape when printed (forms and links to other views left out).
enum DashboardStyle {
    static let css = """
        @page { size: A4 landscape; margin: 10mm; }
        :root { --ink: #1d2733; --muted: #5b6675; --line: #d5dbe3; --accent: #3b6ea8; --alert: #b42318; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #f5f7fa;
               font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
                            "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 14px; line-height: 1.5; }
        header { background: #1f3b5c; color: #fff; padding: 10px 20px; display: flex; flex-wrap: wrap;
                 align-items: baseline; gap: 6px 20px; }
        header h1 { font-size: 20px; margin: 0; letter-spacing: 0.1em; }
        header .meta { color: #d6e2f0; font-size: 13px; }
        header form { margin-left: auto; }
        header button { background: transparent; color: #fff; border: 1px solid #9fb6cf; padding: 2px 10px; cursor: pointer; }
        main { padding: 12px 20px 24px; }
        nav.crumbs { margin: 4px 0 12px; font-size: 15px; }
        nav.crumbs a { color: var(--accent); text-decoration: none; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 10px 14px; margin-bottom: 14px; }
        h2 { font-size: 16px; margin: 2px 0 8px; }
        h2 small { color: var(--muted); font-weight: normal; font-size: 12px; margin-left: 8px; }
        .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 10px; }
        .tile { border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; background: #fbfcfe; }
        .tile .value { display: block; font-size: 26px; font-weight: bold; color: var(--accent); font-variant-numeric: tabular-nums; }
        .tile.alert .value { color: var(--alert); }
        .tile .label { color: var(--muted); font-size: 13px; }
        .split { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 14px; align-items: start; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #eef2f7; font-weight: 600; white-space: nowrap; }
        td.id { white-space: nowrap; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr { break-inside: avoid; }
        tr.review td { background: #fdecea; }
        .badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; white-space: nowrap; }
        .badge.review { background: var(--alert); color: #fff; }
        .badge.status { background: #e7edf5; color: var(--ink); }
        details > summary { cursor: pointer; }
        details details { margin-left: 1.5em; }
        .chart { width: 100%; height: auto; font-family: inherit; }
        .chart .grid { stroke: #e3e8ef; stroke-width: 1; }
        .chart .axis, .chart .legend { font-size: 11px; fill: var(--muted); }
        .note { color: var(--muted); font-size: 12px; }
        .empty { color: var(--muted); }
        footer { color: var(--muted); font-size: 12px; padding: 0 20px 20px; }
        .signin { max-width: 420px; margin: 80px auto; background: #fff; border: 1px solid var(--line); padding: 24px; }
        .signin input { width: 100%; padding: 6px; font-size: 14px; margin: 8px 0 12px; font-family: monospace; }
        .signin button { padding: 6px 18px; font-size: 14px; }
        .signin .error { color: var(--alert); }
        @media print {
          body { background: #fff; font-size: 11px; }
          header { background: #fff; color: var(--ink); border-bottom: 2px solid var(--ink); padding: 4px 0; }
          header .meta { color: var(--ink); }
          header form, nav.crumbs a.up, .no-print { display: none; }
          main { padding: 6px 0; }
          section { border: none; padding: 4px 0; break-inside: auto; }
          .tile .value { font-size: 20px; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
