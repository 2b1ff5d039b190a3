# Settle コンソール: 日本語。

## Frame
nav-label = セクション
nav-customers = 顧客
nav-agenda = 予定表
nav-disputes = 係争
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
field-conflict = すでに記録されている内容と矛盾します。
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
disputed-amounts = 係争金額
disputed-amounts-hint = 係争ステータスの場合：顧客が争う各明細の金額。未決済額全体の場合は空欄のままにします。
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
routed-resolver = 担当者：{ $resolver }（振り分けルール { $rule } による選択）
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
admin-created = 作成

# Email templates by name, and the preview's text part
email-text-part = テキスト部分
email-template-name-resolver_dispute = 担当者宛て：解決が必要な係争
email-template-name-customer_confirmation = お客様宛て：係争の受付確認

# Outbound webhooks (admin)
field-url = webhook_origins で許可された http または https のアドレスを入力してください。
field-events = イベントを 1 つ以上選択してください。

# Import (admin)
import-title = インポート
import-hint = ERP のエクスポート（SAP、Sage、Dynamics、Odoo、または独自の列）をインポートします。書き込む前に、Settle がどう読み取り、何が変わるかを確認できます。
import-done = ファイルをインポートしました。
import-file = ファイル
import-target = 内容
import-target-items = 未決済明細
import-target-payments = 入金
import-target-customers = 得意先
import-profile = インポートプロファイル
import-own-columns = Settle 標準の列
import-mode = 送信する明細
import-mode-delta = 変更分のみ（差分）
import-mode-stock = 未決済のすべて（スナップショット）
import-entity = 会社（スナップショット）
import-preview = プレビュー
import-history = インポート履歴
import-rows = 行数
import-result = 結果
import-count-created = 作成
import-count-updated = 更新
import-count-unchanged = 変更なし
import-count-closed = 消込済み
import-count-applied = 適用
import-count-already_applied = 適用済み
import-no-history = まだファイルはインポートされていません。
import-reading = ファイルの読み取り方
import-detected = ファイルから検出
import-delimiter = 区切り文字
import-decimal = 小数点記号
import-date-format = 日付形式
import-encoding = 文字コード
import-skip-rows = 見出し行の前に読み飛ばす行数
import-read-again = 再読み込み
import-summary = インポートの結果（予定）
import-read-as = { $encoding } として読み取り、区切り文字 { $delimiter }
import-rows-read = 読み取った行：{ $count }
import-rows-refused = 拒否された行：{ $count }
import-would = 予定：
import-confirm = { $count } 行をインポート
import-fix-first = 拒否された行をファイルまたはプロファイルで修正し、もう一度アップロードしてください。拒否された行がある間は何もインポートされません。
import-refused = 拒否された行
import-line = 行
import-column = 列
import-why = 理由
import-first-rows = Settle が読み取った最初の { $count } 行
import-no-rows = 読み取れる行がありません。
import-mapping = 列の対応
import-mapping-hint = 各項目について、その値を持つファイルの列を選びます。対応をプロファイルとして保存すると再利用できます。
import-no-column = — なし —
import-profile-code = プロファイルコード
import-save-profile = プロファイルとして保存
field-file = インポートするファイルを選んでください。
field-profile = このデータを読み取るプロファイルを選んでください。
field-code = 英小文字・数字・- または _ のコードを入力してください。
field-escalation-contact = エスカレーション先
escalation-nobody = なし
escalation-hint = この担当者の係争が、ステータスのエスカレーション日数を超えて目標日を過ぎると、この人にリンクが一度メールで送られ、回答できます。
agenda-late = 期限超過の係争
agenda-broken = 守られなかった約束
late-count = { $count ->
    *[other] 目標日を過ぎた係争 { $count } 件
}
late-empty = 目標日を過ぎた係争はありません。
broken-empty = 過去60日間に守られなかった支払約束はありません。
col-customer = 顧客
col-deadline = 目標日
col-days-late = 超過日数
escalated = エスカレーション済み
promised-on = { $date } の約束
broken-on = { $date } に不履行
