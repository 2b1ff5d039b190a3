# Settle 控制台：简体中文。

## Frame
nav-label = 栏目
nav-customers = 客户
nav-agenda = 日程
nav-disputes = 争议
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
field-conflict = 这与已记录的内容冲突。
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
disputed-amounts = 争议金额
disputed-amounts-hint = 争议状态：客户对每个项目提出争议的部分。留空表示全部未结金额。
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
routed-resolver = 处理人：{ $resolver }（由分派规则 { $rule } 选定）
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
admin-created = 创建

# Email templates by name, and the preview's text part
email-text-part = 纯文本部分
email-template-name-resolver_dispute = 致处理人：待处理的争议
email-template-name-customer_confirmation = 致客户：争议确认

# Outbound webhooks (admin)
field-url = 请输入 webhook_origins 允许的 http 或 https 地址。
field-events = 请至少选择一个事件。

# Import (admin)
import-title = 导入
import-hint = 导入 ERP 的导出文件（SAP、Sage、Dynamics、Odoo 或自定义列）：在写入之前查看 Settle 如何读取以及将更改什么。
import-done = 文件已导入。
import-file = 文件
import-target = 内容
import-target-items = 未清项
import-target-payments = 付款
import-target-customers = 客户
import-profile = 导入配置
import-own-columns = Settle 自有列
import-mode = 发送的单据
import-mode-delta = 仅变更（增量）
import-mode-stock = 全部未清（快照）
import-entity = 公司（快照）
import-preview = 预览
import-history = 导入记录
import-rows = 行数
import-result = 结果
import-count-created = 新建
import-count-updated = 更新
import-count-unchanged = 未变
import-count-closed = 已结清
import-count-applied = 已应用
import-count-already_applied = 此前已应用
import-no-history = 尚未导入任何文件。
import-reading = 文件读取方式
import-detected = 从文件识别
import-delimiter = 分隔符
import-decimal = 小数点
import-date-format = 日期格式
import-encoding = 编码
import-skip-rows = 表头前跳过的行数
import-read-again = 重新读取
import-summary = 导入将执行的操作
import-read-as = 按 { $encoding } 读取，分隔符 { $delimiter }
import-rows-read = 已读取行：{ $count }
import-rows-refused = 被拒绝行：{ $count }
import-would = 预计：
import-confirm = 导入 { $count } 行
import-fix-first = 请在文件或配置中更正被拒绝的行，然后重新上传：只要有被拒绝的行，就不会导入任何内容。
import-refused = 被拒绝的行
import-line = 行
import-column = 列
import-why = 原因
import-first-rows = Settle 读取的前 { $count } 行
import-no-rows = 没有可读取的行。
import-mapping = 列对应
import-mapping-hint = 为每个字段选择文件中包含它的列；将对应关系保存为配置以便再次使用。
import-no-column = — 无 —
import-profile-code = 配置代码
import-save-profile = 保存为配置
field-file = 请选择要导入的文件。
field-profile = 请选择能读取此类数据的配置。
field-code = 请输入由小写字母、数字、- 或 _ 组成的代码。
field-escalation-contact = 升级联系人
escalation-nobody = 无
escalation-hint = 当该处理人的争议超过目标日期达到其状态的升级天数时，会向此人发送一次链接邮件，此人可以答复。
agenda-late = 逾期争议
agenda-broken = 未兑现的承诺
late-count = { $count ->
    *[other] { $count } 项争议已过目标日期
}
late-empty = 没有争议超过目标日期。
broken-empty = 过去 60 天内没有未兑现的付款承诺。
col-customer = 客户
col-deadline = 目标日期
col-days-late = 逾期天数
escalated = 已升级
promised-on = 承诺于 { $date }
broken-on = { $date } 未兑现
