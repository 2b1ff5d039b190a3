# Settle-Seiten: Deutsch.
money = { $amount }{"\u00A0"}{ $symbol }

language-label = Sprache
resolver-title = Zu klärende Reklamation
customer-title = Ihr Kundenkonto
powered-by = Reklamationsmanagement mit Settle

## Fehlerseiten
error-forbidden-title = Dieser Link ist ungültig
error-forbidden-body = Die Adresse wurde möglicherweise falsch abgeschrieben oder verändert. Öffnen Sie den Link genau so, wie Sie ihn erhalten haben.
error-gone-title = Dieser Link ist nicht mehr aktiv
error-gone-body = Er ist abgelaufen oder wurde zurückgezogen. Bitten Sie Ihren Ansprechpartner in der Debitorenbuchhaltung um einen neuen Link.
error-throttled-title = Zu viele Versuche
error-throttled-body = Bitte warten Sie { $minutes } Minuten, bevor Sie es erneut versuchen.
error-notfound-title = Seite nicht gefunden
error-notfound-body = Unter dieser Adresse gibt es nichts.
error-invalid-title = Bitte prüfen Sie Ihre Eingaben
error-invalid-body = Es wurde nichts gespeichert. Kehren Sie zur Seite zurück, korrigieren Sie die folgenden Felder und senden Sie erneut.
error-server-title = Etwas ist schiefgelaufen
error-server-body = Es wurde nichts gespeichert. Bitte versuchen Sie es gleich noch einmal.
error-report-title = Dieser Bericht kann nicht angezeigt werden
error-report-body = Ein Filter ist ungültig. Korrigieren Sie ihn und zeigen Sie den Bericht erneut an.
back-to-page = Zurück zur Seite

## Feldfehler
error-comment = Bitte schreiben Sie eine Nachricht (höchstens { $max } Zeichen, keine Steuerzeichen).
error-item = Wählen Sie mindestens einen Ihrer offenen Posten aus.
error-reason = Wählen Sie einen Grund aus der Liste.
error-date = Wählen Sie ein gültiges Datum im erlaubten Zeitraum.
error-reference = Die Referenz ist zu lang oder enthält Steuerzeichen.
error-file = Hängen Sie eine PDF-, PNG- oder JPEG-Datei von höchstens 5 MB an.
error-outcome = Wählen Sie eines der vorgeschlagenen Ergebnisse.
error-resolver_id = Wählen Sie eine andere aktive Kollegin oder einen anderen aktiven Kollegen.
error-form_token = Das Formular ist abgelaufen. Laden Sie die Seite neu und senden Sie erneut.
error-form = Das Formular konnte nicht gelesen werden. Laden Sie die Seite neu und senden Sie erneut.

## Tabellen
col-select = Auswahl
col-number = Nummer
col-document-date = Belegdatum
col-due-date = Fälligkeit
col-amount = Betrag
col-open-amount = Offener Betrag
col-disputed = Strittig
disputed-part = davon { $amount } strittig
col-currency = Währung
col-status = Status
overdue = Überfällig
days-overdue = { $days ->
    [one] { $days } Tag überfällig
   *[other] { $days } Tage überfällig
}
total-label = Summe
outstanding = Offene Posten
overdue-total = Überfällig
disputed-total = In Klärung
no-open-items = Auf diesem Konto gibt es keine offenen Posten.
none = Keine

## Seite für die Klärung
resolver-heading = Reklamation: { $name }
customer-label = Kunde
customer-id = Kundennummer
entity-label = Gesellschaft
dispute-status = Status
status-date = Statusdatum
collector-comment = Kommentar der Debitorenbuchhaltung
follow-up = Wiedervorlage
follow-up-date = Datum der Wiedervorlage
items-concerned = Betroffene Posten
thread-heading = Nachrichten
thread-empty = Noch keine Nachrichten.
speaker-collector = Debitorenbuchhaltung
speaker-resolver = Bearbeiter
speaker-customer = Kunde
speaker-system = System
on-items = zu { $number }
account-summary = Kontoübersicht
other-open-items = Weitere offene Posten
reply-heading = Antworten
reply-label = Ihre Nachricht
reply-send = Antwort senden
outcome-heading = Ergebnis vorschlagen
outcome-label = Ergebnis
outcome-comment-label = Erläuterung (optional)
outcome-send = Dieses Ergebnis vorschlagen
outcome-credit_note = Gutschrift erstellen
outcome-not_justified = Unbegründet – der Kunde muss zahlen
outcome-need_info = Weitere Informationen nötig
outcome-resolved = Geklärt
attach-heading = Dokumente anhängen
attach-label = Dateien (PDF, PNG oder JPEG, je höchstens 5 MB)
attach-send = Anhängen
attachments-heading = Dokumente
no-attachments = Noch keine Dokumente.
handover-heading = An eine Kollegin oder einen Kollegen übergeben
handover-label = Kollege/Kollegin
handover-comment-label = Hinweis für die Übergabe (optional)
handover-send = Übergeben
resolver-note = Die Debitorenbuchhaltung schließt die Reklamation, sobald sie geklärt ist. Ihre Antworten werden an sie weitergeleitet.
saved = Gespeichert. Die Debitorenbuchhaltung wurde benachrichtigt.

## Kundenseite
customer-heading = Kontoauszug: { $name }
statement-heading = Offene Posten
download-csv = Als CSV herunterladen
select-hint = Jede Aufgabe unten hat ihre eigene Postenliste: Markieren Sie die Posten, die sie betrifft.
comment-heading = Kommentar senden
comment-label = Ihr Kommentar
comment-send = Kommentar senden
dispute-heading = Posten reklamieren
dispute-reason = Grund
dispute-comment = Beschreiben Sie das Problem
dispute-attach = Belege (optional)
dispute-send = Ausgewählte Posten reklamieren
promise-heading = Zahlung zusagen
promise-date = Zahlungsdatum (innerhalb von { $days } Tagen)
promise-comment = Kommentar (optional)
promise-send = Zahlung der ausgewählten Posten zusagen
payment-heading = Eine Zahlung ist unterwegs
payment-date = Zahlungsdatum
payment-reference = Zahlungsreferenz (optional)
payment-send = Zahlung mitteilen
tracker-heading = Ihre Reklamationen
tracker-empty = Sie haben keine Reklamationen.
tracker-opened = Eröffnet am
tracker-reason = Grund
tracker-items = Posten
tracker-state = Stand
tracker-state-open = Offen
tracker-state-answered = Beantwortet
tracker-state-resolved = Geklärt am { $date }
your-messages = Ihre Nachrichten
customer-saved = Vielen Dank. Ihre Anfrage wurde erfasst und die Debitorenbuchhaltung benachrichtigt.

## Status, wie Kunden sie sehen
status-price_dispute = Preis reklamiert
status-quality_dispute = Qualität reklamiert
status-delivery_dispute = Lieferung reklamiert
status-administrative_dispute = In Prüfung
status-promise_to_pay = Zahlung zugesagt
status-payment_in_progress = Zahlung unterwegs
status-dispute_resolved = Reklamation geklärt

## Berichte
percent = { $value }{"\u00A0"}%
report-console = Zurück zur Konsole
report-disputes-title = Reklamationsbericht
report-item-statuses-title = Bericht zum Posten-Status
report-kpis-title = Kennzahlen der Forderungen
report-dispute-cases-title = Reklamationsanalyse
report-as-of = Stand { $date }
report-filters = Filter
report-filters-hint = Gesellschaft, Sachbearbeiter und Kunde bestimmen die gezählten Posten; Status und Klärer bestimmen die strittigen oder qualifizierten Posten, um die es geht.
report-field-as-of = Datum
report-field-entity = Gesellschaft
report-field-collector = Sachbearbeiter
report-field-customer = Kundennummer
report-field-status = Status
report-field-resolver = Klärer
report-field-from = Klärungen vom
report-field-to = Klärungen bis
report-field-cei-from = Index-Zeitraum vom
report-field-cei-to = Index-Zeitraum bis
report-field-months = Monate im Verlauf
report-field-language = Sprache
report-any = Alle
report-apply = Bericht anzeigen
report-download = Als CSV herunterladen
report-summary = Übersicht
report-outstanding = Offene Forderungen
report-items = { $n ->
    [one] { $n } Posten
   *[other] { $n } Posten
}
report-disputed = Strittige Forderungen
report-disputed-items = Strittige Posten
report-rate-amount = Reklamationsquote (Betrag)
report-rate-count = Reklamationsquote (Anzahl)
report-by-status = Nach Reklamationsart
report-by-any-status = Nach Status
report-by-customer = Nach Kunde
report-by-resolver = Nach Klärer
report-by-entity = Nach Gesellschaft
report-by-collector = Nach Sachbearbeiter
report-aging = Alter der offenen Reklamationen
report-age-0-30 = 0–30 Tage
report-age-31-60 = 31–60 Tage
report-age-61-90 = 61–90 Tage
report-age-90-plus = Über 90 Tage
report-trend = Strittige Forderungen zum Monatsende
report-resolution = Geklärte Reklamationen vom { $from } bis { $to }
report-resolution-by-status = Klärungsdauer nach Reklamationsart
report-resolution-by-resolver = Klärungsdauer nach Klärer
report-resolved = Geklärt
report-average = Mittlere Dauer (Tage)
report-median = Median (Tage)
report-p90 = 90. Perzentil (Tage)
report-name = Name
report-amount = Betrag
report-count = Posten
report-share = Anteil
report-date = Datum
report-none-status = Ohne Status
report-none-resolver = Ohne Klärer
report-none-collector = Ohne Sachbearbeiter
report-empty = Nichts zu berichten.
report-overdue = Überfällig
report-qualified = Qualifiziert
report-qualification-rate = Qualifizierungsquote
report-qualification-rate-count = Qualifizierungsquote (Anzahl)
report-kpi-dso-countback = DSO, Count-back (Tage)
report-kpi-dso-simple = DSO, einfach (Tage)
report-kpi-best-dso = Bestmögliche DSO (Tage)
report-kpi-add = Durchschnittlicher Zahlungsverzug (Tage)
report-kpi-disputed-dso = DSO der Reklamationen (Tage)
report-kpi-cei = Inkasso-Effizienzindex, { $from } – { $to }

# A resolver link whose dispute is resolved or handed over (read-only)
resolver-title-closed = Reklamation (nur lesen)
resolver-readonly-resolved = Diese Reklamation ist geklärt. Die Seite bleibt lesbar; Antworten, Dateien und Übergaben sind geschlossen.
resolver-readonly-handed-over = Sie haben diese Reklamation übergeben, oder sie wurde neu zugewiesen. Die Seite bleibt lesbar; die jetzt zuständige Person antwortet über ihren eigenen Link.
error-closed-resolved-title = Diese Reklamation ist geklärt
error-closed-resolved-body = Nichts wurde gespeichert: Die Reklamation ist geklärt und ihre Seite ist jetzt schreibgeschützt.
error-closed-handed-over-title = Diese Reklamation bearbeitet jemand anderes
error-closed-handed-over-body = Nichts wurde gespeichert: Die Reklamation wurde übergeben. Die jetzt zuständige Person antwortet über ihren eigenen Link.
error-quota = Diese Dateien würden das Hochlade-Limit überschreiten: 25 MB pro Link, 50 MB pro Reklamation. Senden Sie weniger oder kleinere Dateien oder schicken Sie sie per E-Mail an Ihren Ansprechpartner.

# Item kinds: credits show as credits (a marker and a minus sign) everywhere
col-kind = Art
kind-invoice = Rechnung
kind-credit_note = Gutschrift
kind-payment_on_account = Akontozahlung
kind-other = Sonstiges
dispute-amount = Strittiger Betrag (optional)
dispute-amount-hint = Nur für einen Teil einer einzigen Rechnung: kreuzen Sie diese Rechnung an. Leer lassen, um den ganzen offenen Betrag zu beanstanden.
error-amount = Geben Sie einen strittigen Betrag für jeweils nur eine Rechnung an, höchstens ihren offenen Betrag, oder lassen Sie das Feld leer.
error-amounts = { error-amount }
