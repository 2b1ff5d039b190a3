# Settle 控制台：简体中文。

## Frame
nav-label = 栏目
nav-customers = 客户
nav-agenda = 日程
nav-reports = 报表
nav-users = 用户
sign-out = 退出登录
back-to-console = 返回控制台

## Sign-in and first admin
sign-in-title = 登录
sign-in = 登录
sign-in-refused = 邮箱或密码不正确，或该账户已停用。
sign-in-first-time = 第一次使用此安装？请用邮箱 admin 和管理令牌登录，以创建第一个账户。
first-admin-title = 创建第一个管理员
first-admin-intro = 目前还没有人能登录。此账户将管理用户、状态和其余配置。
first-admin-create = 创建并登录
password-rule = 至少 12 个字符，不能全部相同，也不能与您的邮箱相同。

## Fields
field-email = 邮箱
field-password = 密码
field-name = 姓名
field-language = 语言
field-role = 角色
field-active = 启用
field-comment = 备注
field-status = 请选择一个启用的状态。
field-status_date = 请输入有效日期，不能是将来的日期。
field-resolver_id = 请选择一位在职的处理人。
field-item_ids = 请勾选该客户的未结项目。
field-next_action = 请检查下一步操作：需要类型、名称和日期。
field-template = 请选择一个邮件模板。
field-to = 收件人没有邮箱地址。
field-version = 在此期间有人修改了此操作：以下是它现在的样子。请重新进行您的修改。
field-type = 此操作不能这样结束。
field-date = 请输入有效日期。
field-state = 此操作已经结束。
field-form = 无法读取表单。请刷新页面后重新提交。
new-password = 新密码
role-collector = 催收专员
role-admin = 管理员
yes = 是
no = 否
add-user = 添加用户
form-not-saved = 未保存任何内容。请更正：

## Customers
customers-search = 按名称或编号搜索
search = 搜索
customers-count = { $count } 行
customers-none = 没有匹配的客户。
col-name = 名称
col-id = 编号
col-outstanding = 未结余额
col-overdue = 逾期
col-disputed = 争议中
col-next = 下一步操作
col-collector = 催收专员
col-resolver = 处理人
col-dunning = 催收
pages-label = 页码
previous-page = 上一页
next-page = 下一页
page-of = 第 { $n } 页，共 { $count } 页

## Customer sheet
totals-heading = 合计
next-scenario-step = 下一次提醒
filter-overdue = 到期
filter-all = 全部
filter-overdue-yes = 仅逾期
filter-overdue-no = 未逾期
filter-apply = 显示
select-item = 选择 { $number }
in-scenario = 在催收流程中
held-by-action = 被操作暂停
first-page = 返回最前面的项目
next-items = 后面的项目
col-open-items = 项目数
change-status = 更改状态…
live-actions = 进行中的操作
no-live-actions = 没有进行中的操作。
history-heading = 历史
items-count = { $count } 个项目
step-letter = 信函
step-email = 邮件
step-call = 电话

## Change status
steps-label = 步骤
step-1 = 状态
step-2 = 邮件
step-3 = 下一步操作
choose = 请选择…
next-step = 下一步
email-template = 邮件模板
email-preview = 预览
email-to = 收件人
email-subject = 主题
email-body = 正文
email-edit = 编辑邮件
email-refresh = 刷新预览
email-send-next = 发送此邮件并继续
email-skip = 不发邮件，继续
email-will-send = 确认后将发送邮件 { $template }。
email-skipped = 不会发送邮件。
next-action = 下一步操作
next-scenario = 让提醒流程继续
next-suggested = 建议的跟进（每个字段都可以修改）
next-define = 自定义操作
confirm = 确认
cancel = 取消

## Actions
action-type = 类型
action-name = 名称
action-date = 日期
action-done-on = 结束日期
action-state-live = 进行中
action-state-done = 已结束
action-type-dispute = 争议跟进
action-type-promise = 付款承诺
action-type-call = 电话
action-type-email = 邮件
action-type-letter = 信函
action-type-task = 任务
open-customer = 打开客户
open-action = 打开
modify = 修改
save = 保存
detach = 将勾选的项目移出此操作
detached = 已移出
terminate = 结束
terminate-dispute-hint = 仍有争议的项目将变为“争议已解决”，并回到提醒流程。
terminate-hint = 项目将回到提醒流程。
answered = 已回复

## Agenda
agenda-due = 待办
agenda-replies = 回复与评论
agenda-date = 截止日期
agenda-count = { $count } 项待办
agenda-empty = 没有待办事项。
record-reminder = 将提醒标记为已完成
new = 新
replies-empty = 过去 30 天没有回复。

## Failures
failure-forbidden-title = 不允许
failure-forbidden-body = 您无权执行此操作，或表单已过期。请刷新页面后重试。
failure-notfound-title = 找不到页面
failure-notfound-body = 此地址没有内容。
failure-method-title = 不可用
failure-method-body = 此地址不响应这类请求。
failure-invalid-title = 请检查您的输入
failure-invalid-body = 未保存任何内容。
failure-throttled-title = 尝试次数过多
failure-throttled-body = 请等待 { $minutes } 分钟后再试。
failure-toolarge-title = 一次太多
failure-toolarge-body = 表单过大。请少选一些项目。
failure-server-title = 出错了
failure-server-body = 未保存任何内容。请稍后再试。

## History
actor-admin = 管理员
event-created = 已创建
event-updated = 已更新
event-status_changed = 状态已更改
event-payment = 付款
event-closed = 已结清
event-reopened = 已重新打开
event-action_attached = 被操作暂停
event-action_detached = 已移出操作
event-comment = 评论
event-outcome = 已提出结果
event-attachment = 已附加文件
event-handover = 已移交
event-reminder = 已发送提醒

## Admin screens
nav-admin = 管理
admin-title = 管理
admin-statuses = 状态
admin-resolvers = 处理人
admin-action-models = 操作模板
admin-templates = 邮件模板
admin-scenarios = 提醒流程
admin-tokens = API 令牌
admin-links = 签名链接
admin-kind = 类别
admin-kind-dispute = 争议
admin-kind-promise = 承诺
admin-kind-info = 信息
admin-kind-resolved = 已解决
admin-typology = 分类
admin-action-model = 操作模板
admin-flags = 选项
admin-active = 启用
admin-customer_visible = 对客户可见
admin-customer_selectable = 客户可选择
admin-labels = 标签
admin-inactive = 已停用
admin-add-status = 添加状态
admin-code = 代码
admin-add-resolver = 添加处理人
admin-delay-days = 期限（天）
admin-add-model = 添加操作模板
admin-audience = 收件人
admin-preview-hint = 保存前请先用示例数据预览模板。
admin-hashtags = 标签变量
admin-scenarios-hint = 编辑流程：修改、添加或清空步骤（空行不算步骤）。
admin-default = 默认
admin-token-once = { $name } 的令牌，仅显示这一次：请立即复制。系统只保存其哈希值。
admin-created = 创建
admin-state = 状态
admin-revoked = 已撤销
admin-revoke = 撤销
admin-add-token = 添加令牌
admin-links-hint = 邮件中发送的链接，最新的在前。撤销后该链接立即无法打开其页面。
admin-expires = 到期
admin-expired = 已过期
admin-no-links = 还没有链接。
admin-open-items = { $count } 个未结项目
admin-days = { $count } 天
admin-steps = 步骤
admin-offset-days = 距到期日的天数（负数：之前）
admin-add-scenario = 添加流程

# Email templates by name, and the preview's text part
email-text-part = 纯文本部分
email-template-name-resolver_dispute = 致处理人：待处理的争议
email-template-name-customer_confirmation = 致客户：争议确认

# Outbound webhooks (admin)
admin-webhooks = Webhook
admin-webhooks-hint = 争议开启、变更或解决时发送给您的 ERP 的事件，按 Standard Webhooks 规范签名。发送失败会在约一天内重试，之后保留在此处以便重新发送。
admin-webhook-url = 接收地址 URL
admin-webhook-description = 说明
admin-webhook-events = 事件
admin-webhook-all-events = 所有事件（包括今后新增的）
admin-add-webhook = 添加接收地址
admin-webhook-secret-once = { $url } 的签名密钥，仅显示这一次：请立即复制到您的接收端。
admin-rotate-secret = 新密钥
admin-enable = 启用
admin-disable = 停用
admin-delete = 删除
admin-webhook-enabled = 已启用
admin-webhook-disabled = 已停用
admin-deliveries = 发送记录
admin-delivery-all = 全部
admin-delivery-pending = 待发送
admin-delivery-delivered = 已送达
admin-delivery-failed = 失败
admin-webhook-event = 事件
admin-attempts = 尝试次数
admin-last-answer = 最后响应
admin-next-attempt = 下次尝试
admin-retry = 重试
admin-no-webhooks = 尚无接收地址。
admin-no-deliveries = 尚无发送记录。
admin-webhook-origins-empty = webhook_origins 设置为空时无法添加接收地址：请运维人员填写接收端地址。
field-url = 请输入 webhook_origins 允许的 http 或 https 地址。
field-events = 请至少选择一个事件。
