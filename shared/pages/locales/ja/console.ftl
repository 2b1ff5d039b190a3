# Settle コンソール: 日本語。

## Frame
nav-label = セクション
nav-customers = 顧客
nav-agenda = 予定表
nav-reports = レポート
nav-users = ユーザー
sign-out = ログアウト
back-to-console = コンソールに戻る

## Sign-in and first admin
sign-in-title = ログイン
sign-in = ログイン
sign-in-refused = メールアドレスまたはパスワードが正しくないか、このアカウントは無効です。
sign-in-first-time = このインストールは初めてですか？最初のアカウントを作成するには、メールアドレス admin と管理トークンでログインしてください。
first-admin-title = 最初の管理者を作成
first-admin-intro = まだ誰もログインできません。このアカウントがユーザー、ステータス、その他の設定を管理します。
first-admin-create = 作成してログイン
password-rule = 12 文字以上で、すべて同じ文字ではなく、メールアドレスとは異なるもの。

## Fields
field-email = メールアドレス
field-password = パスワード
field-name = 名前
field-language = 言語
field-role = 役割
field-active = 有効
field-comment = コメント
field-status = 有効なステータスを選んでください。
field-status_date = 未来ではない有効な日付を入力してください。
field-resolver_id = 有効な担当者を選んでください。
field-item_ids = この顧客の未決済明細にチェックを入れてください。
field-next_action = 次のアクションを確認してください。種類、名前、日付が必要です。
field-template = メールテンプレートを選んでください。
field-to = 受信者にメールアドレスがありません。
field-version = その間に誰かがこのアクションを変更しました。現在の内容を表示しています。もう一度変更してください。
field-type = このアクションはこの方法では終了できません。
field-date = 有効な日付を入力してください。
field-state = このアクションはすでに終了しています。
field-form = フォームを読み取れませんでした。ページを再読み込みして、もう一度送信してください。
new-password = 新しいパスワード
role-collector = 回収担当
role-admin = 管理者
yes = はい
no = いいえ
add-user = ユーザーを追加
form-not-saved = 何も保存されていません。次を修正してください:

## Customers
customers-search = 名前または ID で検索
search = 検索
customers-count = { $count } 行
customers-none = 該当する顧客はいません。
col-name = 名前
col-id = ID
col-outstanding = 残高
col-overdue = 期日超過
col-disputed = 係争中
col-next = 次のアクション
col-collector = 回収担当
col-resolver = 担当者
col-dunning = 督促
pages-label = ページ
previous-page = 前へ
next-page = 次へ
page-of = { $count } ページ中 { $n } ページ

## Customer sheet
totals-heading = 合計
next-scenario-step = 次の督促
filter-overdue = 期日
filter-all = すべて
filter-overdue-yes = 期日超過のみ
filter-overdue-no = 期日前
filter-apply = 表示
select-item = { $number } を選択
in-scenario = シナリオ内
held-by-action = アクションで保留中
first-page = 最初の明細に戻る
next-items = 次の明細
col-open-items = 件数
change-status = ステータスを変更…
live-actions = 進行中のアクション
no-live-actions = 進行中のアクションはありません。
history-heading = 履歴
items-count = { $count } 件
step-letter = 郵送
step-email = メール
step-call = 電話

## Change status
steps-label = ステップ
step-1 = ステータス
step-2 = メール
step-3 = 次のアクション
choose = 選択…
next-step = 次へ
email-template = メールテンプレート
email-preview = プレビュー
email-to = 宛先
email-subject = 件名
email-body = 本文
email-edit = メールを編集
email-refresh = プレビューを更新
email-send-next = このメールを送信して続ける
email-skip = メールなしで続ける
email-will-send = 確定するとメール { $template } が送信されます。
email-skipped = メールは送信されません。
next-action = 次のアクション
next-scenario = 督促シナリオを続ける
next-suggested = 提案されたフォローアップ（すべての項目を変更できます）
next-define = アクションを指定
confirm = 確定
cancel = キャンセル

## Actions
action-type = 種類
action-name = 名前
action-date = 日付
action-done-on = 終了日
action-state-live = 進行中
action-state-done = 終了
action-type-dispute = 係争のフォローアップ
action-type-promise = 支払約束
action-type-call = 電話
action-type-email = メール
action-type-letter = 郵送
action-type-task = タスク
open-customer = 顧客を開く
open-action = 開く
modify = 変更
save = 保存
detach = チェックした明細をアクションから外す
detached = 外しました
terminate = 終了
terminate-dispute-hint = まだ係争中の明細は「係争解決」になり、督促シナリオに戻ります。
terminate-hint = 明細は督促シナリオに戻ります。
answered = 回答あり

## Agenda
agenda-due = 予定
agenda-replies = 返信とコメント
agenda-date = 期限
agenda-count = やること { $count } 件
agenda-empty = やることはありません。
record-reminder = 督促を完了にする
new = 新着
replies-empty = 過去 30 日間に返信はありません。

## Failures
failure-forbidden-title = 許可されていません
failure-forbidden-body = この操作は許可されていないか、フォームの有効期限が切れています。ページを再読み込みして、もう一度お試しください。
failure-notfound-title = ページが見つかりません
failure-notfound-body = このアドレスには何もありません。
failure-method-title = 利用できません
failure-method-body = このアドレスはこの種類のリクエストに応答しません。
failure-invalid-title = 入力内容を確認してください
failure-invalid-body = 何も保存されていません。
failure-throttled-title = 試行回数が多すぎます
failure-throttled-body = { $minutes } 分待ってから、もう一度お試しください。
failure-toolarge-title = 一度に多すぎます
failure-toolarge-body = フォームが大きすぎます。選択する明細を減らしてください。
failure-server-title = 問題が発生しました
failure-server-body = 何も保存されていません。しばらくしてから、もう一度お試しください。

## History
actor-admin = 管理者
event-created = 作成
event-updated = 更新
event-status_changed = ステータス変更
event-payment = 入金
event-closed = 消込済み
event-reopened = 再オープン
event-action_attached = アクションで保留
event-action_detached = アクションから除外
event-comment = コメント
event-outcome = 解決案
event-attachment = ファイル添付
event-handover = 引き継ぎ
event-reminder = 督促送信

## Admin screens
nav-admin = 管理
admin-title = 管理
admin-statuses = ステータス
admin-resolvers = 担当者
admin-action-models = アクションモデル
admin-templates = メールテンプレート
admin-scenarios = 督促シナリオ
admin-tokens = API トークン
admin-links = 署名付きリンク
admin-kind = 種別
admin-kind-dispute = 係争
admin-kind-promise = 約束
admin-kind-info = 情報
admin-kind-resolved = 解決
admin-typology = 分類
admin-action-model = アクションモデル
admin-flags = オプション
admin-active = 有効
admin-customer_visible = 顧客に表示
admin-customer_selectable = 顧客が選択可能
admin-labels = ラベル
admin-inactive = 無効
admin-add-status = ステータスを追加
admin-code = コード
admin-add-resolver = 担当者を追加
admin-delay-days = 期限（日）
admin-add-model = アクションモデルを追加
admin-audience = 宛先
admin-preview-hint = 保存する前に、サンプルデータでテンプレートをプレビューしてください。
admin-hashtags = ハッシュタグ
admin-scenarios-hint = シナリオを編集: ステップを変更、追加、または空にします（空の行はステップになりません）。
admin-default = 既定
admin-token-once = { $name } のトークンです。表示はこの一度だけなので、今コピーしてください。保存されるのはハッシュのみです。
admin-created = 作成
admin-state = 状態
admin-revoked = 取り消し済み
admin-revoke = 取り消す
admin-add-token = トークンを追加
admin-links-hint = メールで送られたリンク（新しい順）。取り消すと、そのリンクはすぐにページを開けなくなります。
admin-expires = 有効期限
admin-expired = 期限切れ
admin-no-links = まだリンクはありません。
admin-open-items = 未決済 { $count } 件
admin-days = { $count } 日
admin-steps = ステップ
admin-offset-days = 期日からの日数（負の値: 期日前）
admin-add-scenario = シナリオを追加

# Email templates by name, and the preview's text part
email-text-part = テキスト部分
email-template-name-resolver_dispute = 担当者宛て：解決が必要な係争
email-template-name-customer_confirmation = お客様宛て：係争の受付確認

# Outbound webhooks (admin)
admin-webhooks = Webhook
admin-webhooks-hint = 係争の発生・変更・解決時に ERP へ送信されるイベントです。Standard Webhooks 仕様に従って署名されます。送信に失敗した場合は約 1 日再試行され、その後ここに残り、再送できます。
admin-webhook-url = 送信先 URL
admin-webhook-description = 説明
admin-webhook-events = イベント
admin-webhook-all-events = すべてのイベント（今後追加されるものを含む）
admin-add-webhook = 送信先を追加
admin-webhook-secret-once = { $url } の署名シークレットです。表示は今回限りです。今すぐ受信側にコピーしてください。
admin-rotate-secret = 新しいシークレット
admin-enable = 有効にする
admin-disable = 無効にする
admin-delete = 削除
admin-webhook-enabled = 有効
admin-webhook-disabled = 無効
admin-deliveries = 送信履歴
admin-delivery-all = すべて
admin-delivery-pending = 待機中
admin-delivery-delivered = 送信済み
admin-delivery-failed = 失敗
admin-webhook-event = イベント
admin-attempts = 試行回数
admin-last-answer = 最後の応答
admin-next-attempt = 次の試行
admin-retry = 再送
admin-no-webhooks = 送信先はまだありません。
admin-no-deliveries = 送信はまだありません。
admin-webhook-origins-empty = webhook_origins の設定が空のため、送信先を追加できません。運用担当者に受信側のアドレスを設定するよう依頼してください。
field-url = webhook_origins で許可された http または https のアドレスを入力してください。
field-events = イベントを 1 つ以上選択してください。
