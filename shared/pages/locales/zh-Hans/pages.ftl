# Settle 页面：简体中文。
money = { $symbol }{ $amount }

language-label = 语言
resolver-title = 待处理的争议
customer-title = 您的账户
powered-by = 争议管理由 Settle 提供

## 错误页面
error-forbidden-title = 此链接无效
error-forbidden-body = 地址可能抄错或被改动过。请按收到时的原样打开链接。
error-gone-title = 此链接已失效
error-gone-body = 链接已过期或已被撤回。请向信用管理部门的联系人索取新链接。
error-throttled-title = 尝试次数过多
error-throttled-body = 请等待 { $minutes } 分钟后再试。
error-notfound-title = 找不到页面
error-notfound-body = 此地址下没有任何内容。
error-invalid-title = 请检查您填写的内容
error-invalid-body = 未保存任何内容。请返回页面，更正以下字段后重新提交。
error-server-title = 出现问题
error-server-body = 未保存任何内容。请稍后再试。
back-to-page = 返回页面

## 字段错误
error-comment = 请填写留言（最多 { $max } 个字符，不含控制字符）。
error-item = 请至少选择一笔未结款项。
error-reason = 请从列表中选择原因。
error-date = 请在允许的范围内选择有效日期。
error-reference = 参考号过长或含有控制字符。
error-file = 请附上不超过 5 MB 的 PDF、PNG 或 JPEG 文件。
error-outcome = 请选择一个建议的处理结果。
error-resolver_id = 请选择另一位在职同事。
error-form_token = 表单已过期。请刷新页面后重新提交。
error-form = 无法读取表单。请刷新页面后重新提交。

## 表格
col-select = 选择
col-number = 单号
col-document-date = 单据日期
col-due-date = 到期日
col-amount = 金额
col-open-amount = 未结金额
col-currency = 币种
col-status = 状态
overdue = 已逾期
days-overdue = 逾期 { $days } 天
total-label = 合计
outstanding = 应收余额
overdue-total = 逾期金额
disputed-total = 争议中
no-open-items = 此账户没有未结款项。
none = 无

## 处理人页面
resolver-heading = 争议：{ $name }
customer-label = 客户
customer-id = 客户编号
entity-label = 公司
dispute-status = 状态
status-date = 状态日期
collector-comment = 信用管理部门的备注
follow-up = 跟进
follow-up-date = 跟进日期
items-concerned = 相关款项
thread-heading = 留言
thread-empty = 暂无留言。
speaker-collector = 信用管理部门
speaker-resolver = 处理人
speaker-customer = 客户
speaker-system = 系统
on-items = 关于 { $number }
account-summary = 账户概况
other-open-items = 其他未结款项
reply-heading = 回复
reply-label = 您的留言
reply-send = 发送回复
outcome-heading = 提出处理结果
outcome-label = 处理结果
outcome-comment-label = 说明（可选）
outcome-send = 提出此处理结果
outcome-credit_note = 需开具贷项通知单
outcome-not_justified = 理由不成立，客户须付款
outcome-need_info = 需要更多信息
outcome-resolved = 已解决
attach-heading = 添加附件
attach-label = 文件（PDF、PNG 或 JPEG，每个不超过 5 MB）
attach-send = 添加
attachments-heading = 附件
no-attachments = 暂无附件。
handover-heading = 转交给同事
handover-label = 同事
handover-comment-label = 给同事的备注（可选）
handover-send = 转交
resolver-note = 争议解决后由信用管理部门关闭。您的回复会发送给他们。
saved = 已保存，并已通知信用管理部门。

## 客户页面
customer-heading = 对账单：{ $name }
statement-heading = 未结款项
download-csv = 下载 CSV
select-hint = 下面每项操作都有各自的款项列表：请勾选相关的款项。
comment-heading = 发送留言
comment-label = 您的留言
comment-send = 发送留言
dispute-heading = 对款项提出异议
dispute-reason = 原因
dispute-comment = 请说明问题
dispute-attach = 证明文件（可选）
dispute-send = 对所选款项提出异议
promise-heading = 承诺付款
promise-date = 付款日期（{ $days } 天内）
promise-comment = 备注（可选）
promise-send = 承诺支付所选款项
payment-heading = 款项已在途中
payment-date = 付款日期
payment-reference = 付款参考号（可选）
payment-send = 告知付款
tracker-heading = 您的争议
tracker-empty = 您没有争议。
tracker-opened = 提出日期
tracker-reason = 原因
tracker-items = 款项
tracker-state = 进度
tracker-state-open = 处理中
tracker-state-answered = 已答复
tracker-state-resolved = 已于 { $date } 解决
your-messages = 您的留言
customer-saved = 谢谢。您的请求已记录，并已通知信用管理部门。

## 客户看到的状态
status-price_dispute = 价格有异议
status-quality_dispute = 质量有异议
status-delivery_dispute = 交货有异议
status-administrative_dispute = 核查中
status-promise_to_pay = 已承诺付款
status-payment_in_progress = 付款在途
status-dispute_resolved = 争议已解决
