/// The dashboard's sign-in form: the operator pastes the token `petition
/// token add` gave them; the service answers with a session cookie.
public struct SignInPage {
    /// What went wrong with the last attempt, shown above the form.
    public var error: String?

    public init(error: String? = nil) {
        self.error = error
    }

    public func html() -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>登录 · 信访工作挂图作战</title><style>\(DashboardStyle.css)</style></head><body>
        <form class="signin" method="post" action="/login">
        <h1>信访工作挂图作战</h1>
        \(error.map { "<p class=\"error\" role=\"alert\">\(HTMLText.escape($0))</p>" } ?? "")
        <label for="token">访问令牌（由管理员用 petition token add 生成）</label>
        <input id="token" name="token" type="password" autocomplete="off" required autofocus>
        <button type="submit">登录</button>
        </form></body></html>

        """
    }
}
