# Settle ページ：日本語
money = { $symbol }{ $amount }

language-label = 言語
resolver-title = 解決が必要な係争
customer-title = お客様のアカウント
powered-by = Settle による係争管理

## エラーページ
error-forbidden-title = このリンクは無効です
error-forbidden-body = アドレスが誤って入力されたか、変更された可能性があります。受け取ったリンクをそのまま開いてください。
error-gone-title = このリンクは有効期限切れです
error-gone-body = 有効期限が切れたか、取り消されました。債権管理部門の担当者に新しいリンクをご依頼ください。
error-throttled-title = 試行回数が多すぎます
error-throttled-body = { $minutes } 分ほど待ってから、もう一度お試しください。
error-notfound-title = ページが見つかりません
error-notfound-body = このアドレスには何もありません。
error-invalid-title = 入力内容をご確認ください
error-invalid-body = 何も保存されていません。ページに戻り、以下の項目を修正して再度送信してください。
error-server-title = 問題が発生しました
error-server-body = 何も保存されていません。しばらくしてから再度お試しください。
back-to-page = ページに戻る

## 入力エラー
error-comment = メッセージを入力してください（{ $max } 文字以内、制御文字は使用できません）。
error-item = 未決済の明細を 1 件以上選択してください。
error-reason = 一覧から理由を選択してください。
error-date = 許可された期間内の有効な日付を選択してください。
error-reference = 参照番号が長すぎるか、制御文字が含まれています。
error-file = 5 MB 以下の PDF、PNG、JPEG ファイルを添付してください。
error-outcome = 提示された結論のいずれかを選択してください。
error-resolver_id = 別の有効な担当者を選択してください。
error-form_token = フォームの有効期限が切れました。ページを再読み込みして再度送信してください。
error-form = フォームを読み取れませんでした。ページを再読み込みして再度送信してください。

## 表
col-select = 選択
col-number = 番号
col-document-date = 伝票日付
col-due-date = 支払期日
col-amount = 金額
col-open-amount = 未決済額
col-currency = 通貨
col-status = ステータス
overdue = 期日超過
days-overdue = { $days } 日超過
total-label = 合計
outstanding = 未回収残高
overdue-total = 期日超過額
disputed-total = 係争中
no-open-items = このアカウントに未決済の明細はありません。
none = なし

## 解決担当者ページ
resolver-heading = 係争：{ $name }
customer-label = 顧客
customer-id = 顧客コード
entity-label = 会社
dispute-status = ステータス
status-date = ステータス日付
collector-comment = 債権管理部門からのコメント
follow-up = フォローアップ
follow-up-date = フォローアップ日
items-concerned = 対象の明細
thread-heading = メッセージ
thread-empty = まだメッセージはありません。
speaker-collector = 債権管理部門
speaker-resolver = 解決担当者
speaker-customer = 顧客
speaker-system = システム
on-items = 対象：{ $number }
account-summary = アカウント概要
other-open-items = その他の未決済明細
reply-heading = 回答する
reply-label = メッセージ
reply-send = 回答を送信
outcome-heading = 結論を提案する
outcome-label = 結論
outcome-comment-label = 説明（任意）
outcome-send = この結論を提案
outcome-credit_note = 赤伝（クレジットノート）を発行する
outcome-not_justified = 正当な理由なし — 顧客は支払う必要があります
outcome-need_info = 追加情報が必要
outcome-resolved = 解決済み
attach-heading = 書類を添付する
attach-label = ファイル（PDF、PNG、JPEG、各 5 MB まで）
attach-send = 添付
attachments-heading = 書類
no-attachments = まだ書類はありません。
handover-heading = 同僚に引き継ぐ
handover-label = 同僚
handover-comment-label = 同僚へのメモ（任意）
handover-send = 引き継ぐ
resolver-note = 係争が解決すると、債権管理部門が案件を完了します。回答は債権管理部門に送られます。
saved = 保存しました。債権管理部門に通知しました。

## 顧客ページ
customer-heading = 取引明細：{ $name }
statement-heading = 未決済の明細
download-csv = CSV でダウンロード
select-hint = 以下の各手続きには明細の一覧があります。対象の明細にチェックを入れてください。
comment-heading = コメントを送る
comment-label = コメント
comment-send = コメントを送信
dispute-heading = 明細に異議を申し立てる
dispute-reason = 理由
dispute-comment = 問題の内容
dispute-attach = 証拠書類（任意）
dispute-send = 選択した明細に異議を申し立てる
promise-heading = 支払いを約束する
promise-date = 支払日（{ $days } 日以内）
promise-comment = コメント（任意）
promise-send = 選択した明細の支払いを約束する
payment-heading = 支払い手続き中です
payment-date = 支払日
payment-reference = 支払いの参照番号（任意）
payment-send = 支払いを知らせる
tracker-heading = お客様の係争
tracker-empty = 係争はありません。
tracker-opened = 申立日
tracker-reason = 理由
tracker-items = 明細
tracker-state = 状況
tracker-state-open = 対応中
tracker-state-answered = 回答済み
tracker-state-resolved = { $date } に解決
your-messages = お客様のメッセージ
customer-saved = ありがとうございます。ご依頼を記録し、債権管理部門に通知しました。

## 顧客に表示するステータス
status-price_dispute = 価格に異議あり
status-quality_dispute = 品質に異議あり
status-delivery_dispute = 配送に異議あり
status-administrative_dispute = 確認中
status-promise_to_pay = 支払い約束済み
status-payment_in_progress = 支払い手続き中
status-dispute_resolved = 係争解決済み
