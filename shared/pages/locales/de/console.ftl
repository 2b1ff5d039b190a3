# Settle-Konsole: Deutsch.

## Frame
nav-label = Bereiche
nav-customers = Kunden
nav-agenda = Agenda
nav-disputes = Reklamationen
nav-reports = Berichte
nav-users = Benutzer
sign-out = Abmelden
back-to-console = Zurück zur Konsole

## Sign-in and first admin
sign-in-title = Anmelden
sign-in = Anmelden
sign-in-refused = E-Mail oder Passwort ist falsch, oder dieses Konto ist inaktiv.
sign-in-first-time = Zum ersten Mal auf dieser Installation? Melden Sie sich mit der E-Mail admin und dem Admin-Token an, um das erste Konto anzulegen.
first-admin-title = Den ersten Administrator anlegen
first-admin-intro = Noch kann sich niemand anmelden. Dieses Konto verwaltet die Benutzer, die Status und die übrige Konfiguration.
first-admin-create = Anlegen und anmelden
password-rule = Mindestens 12 Zeichen, nicht alle gleich, und nicht Ihre E-Mail.

## Fields
field-email = E-Mail
field-password = Passwort
field-name = Name
field-language = Sprache
field-role = Rolle
field-active = Aktiv
field-comment = Kommentar
field-status = Wählen Sie einen aktiven Status.
field-status_date = Geben Sie ein gültiges Datum an, nicht in der Zukunft.
field-resolver_id = Wählen Sie einen aktiven Klärer.
field-item_ids = Markieren Sie offene Posten dieses Kunden.
field-next_action = Prüfen Sie die nächste Aktion: Typ, Name und Datum sind nötig.
field-template = Wählen Sie eine E-Mail-Vorlage.
field-to = Der Empfänger hat keine E-Mail-Adresse.
field-version = Jemand hat diese Aktion inzwischen geändert: hier ist sie im aktuellen Stand. Nehmen Sie Ihre Änderung erneut vor.
field-type = Diese Aktion kann so nicht beendet werden.
field-date = Geben Sie ein gültiges Datum an.
field-state = Diese Aktion ist bereits beendet.
field-form = Das Formular konnte nicht gelesen werden. Laden Sie die Seite neu und senden Sie erneut.
field-conflict = Dies steht im Widerspruch zu dem, was bereits erfasst ist.
new-password = Neues Passwort
role-collector = Forderungsmanager
role-admin = Administrator
yes = Ja
no = Nein
add-user = Benutzer hinzufügen
form-not-saved = Nichts wurde gespeichert. Bitte korrigieren Sie:

## Customers
customers-search = Nach Name oder Nummer suchen
search = Suchen
customers-count = { $count ->
    [one] { $count } Zeile
   *[other] { $count } Zeilen
}
customers-none = Kein Kunde passt.
col-name = Name
col-id = Nummer
col-outstanding = Offen
col-overdue = Überfällig
col-next = Nächste Aktion
col-collector = Forderungsmanager
col-resolver = Klärer
col-dunning = Mahnung
pages-label = Seiten
previous-page = Zurück
next-page = Weiter
page-of = Seite { $n } von { $count }

## Customer sheet
totals-heading = Summen
next-scenario-step = Nächste Mahnung
filter-overdue = Fälligkeit
filter-all = Alle
filter-overdue-yes = Nur überfällige
filter-overdue-no = Nicht überfällig
filter-apply = Anzeigen
select-item = { $number } auswählen
in-scenario = Im Mahnszenario
held-by-action = Von einer Aktion gehalten
first-page = Zurück zu den ersten Posten
next-items = Nächste Posten
col-open-items = Posten
change-status = Status ändern…
live-actions = Laufende Aktionen
no-live-actions = Keine laufende Aktion.
history-heading = Verlauf
items-count = { $count ->
    [one] { $count } Posten
   *[other] { $count } Posten
}
step-letter = Brief
step-email = E-Mail
step-call = Anruf

## Change status
steps-label = Schritte
step-1 = Status
step-2 = E-Mail
step-3 = Nächste Aktion
choose = Auswählen…
next-step = Weiter
disputed-amounts = Strittiger Betrag
disputed-amounts-hint = Bei einem Reklamationsstatus: der Teil jedes Postens, den der Kunde bestreitet. Leer lassen für den ganzen offenen Betrag.
email-template = E-Mail-Vorlage
email-preview = Vorschau
email-to = An
email-subject = Betreff
email-body = Text
email-edit = E-Mail bearbeiten
email-refresh = Vorschau aktualisieren
email-send-next = Diese E-Mail senden und weiter
email-skip = Ohne E-Mail weiter
email-will-send = Die E-Mail { $template } wird bei der Bestätigung gesendet.
email-skipped = Es wird keine E-Mail gesendet.
routed-resolver = Klärer: { $resolver }, durch Zuordnungsregel { $rule } gewählt.
next-action = Nächste Aktion
next-scenario = Das Mahnszenario laufen lassen
next-suggested = Die vorgeschlagene Nachverfolgung (jedes Feld ist änderbar)
next-define = Eine Aktion festlegen
confirm = Bestätigen
cancel = Abbrechen

## Actions
action-type = Typ
action-name = Name
action-date = Datum
action-done-on = Beendet am
action-state-live = Laufend
action-state-done = Beendet
action-type-dispute = Klärungsverfolgung
action-type-promise = Zahlungszusage
action-type-call = Anruf
action-type-email = E-Mail
action-type-letter = Brief
action-type-task = Aufgabe
open-customer = Kunden öffnen
open-action = Öffnen
modify = Ändern
save = Speichern
detach = Markierte Posten aus der Aktion nehmen
detached = herausgenommen
terminate = Beenden
terminate-dispute-hint = Die noch strittigen Posten werden „Klärung abgeschlossen“ und kehren ins Mahnszenario zurück.
terminate-hint = Die Posten kehren ins Mahnszenario zurück.
answered = Beantwortet

## Agenda
agenda-due = Fällig
agenda-replies = Antworten und Kommentare
agenda-date = Fällig bis
agenda-count = { $count ->
    [one] { $count } Aufgabe
   *[other] { $count } Aufgaben
}
agenda-empty = Nichts ist fällig.
record-reminder = Mahnung als erledigt markieren
new = Neu
replies-empty = Keine Antwort in den letzten 30 Tagen.

## Failures
failure-forbidden-title = Nicht erlaubt
failure-forbidden-body = Sie dürfen das nicht, oder das Formular ist abgelaufen. Laden Sie die Seite neu und versuchen Sie es erneut.
failure-notfound-title = Seite nicht gefunden
failure-notfound-body = Unter dieser Adresse gibt es nichts.
failure-method-title = Nicht verfügbar
failure-method-body = Diese Adresse beantwortet diese Art von Anfrage nicht.
failure-invalid-title = Bitte prüfen Sie Ihre Eingaben
failure-invalid-body = Nichts wurde gespeichert.
failure-throttled-title = Zu viele Versuche
failure-throttled-body = Bitte warten Sie { $minutes } Minuten, bevor Sie es erneut versuchen.
failure-toolarge-title = Zu viel auf einmal
failure-toolarge-body = Das Formular ist zu groß. Wählen Sie weniger Posten.
failure-server-title = Etwas ist schiefgelaufen
failure-server-body = Nichts wurde gespeichert. Bitte versuchen Sie es gleich noch einmal.

## History
actor-admin = Administrator
event-created = angelegt
event-updated = aktualisiert
event-status_changed = Status geändert
event-payment = Zahlung
event-closed = ausgeglichen
event-reopened = wieder geöffnet
event-action_attached = von einer Aktion gehalten
event-action_detached = aus einer Aktion genommen
event-comment = Kommentar
event-outcome = Lösung vorgeschlagen
event-attachment = Datei angehängt
event-handover = übergeben
event-reminder = Mahnung gesendet

## Admin screens
nav-admin = Verwaltung
admin-title = Verwaltung
admin-created = Angelegt

# Email templates by name, and the preview's text part
email-text-part = Der Textteil
email-template-name-resolver_dispute = An den Klärenden: zu klärende Reklamation
email-template-name-customer_confirmation = An den Kunden: Bestätigung der Reklamation

# Outbound webhooks (admin)
field-url = Geben Sie eine http- oder https-Adresse an, die webhook_origins erlaubt.
field-events = Wählen Sie mindestens ein Ereignis.

# Import (admin)
import-title = Import
import-hint = Importieren Sie einen Export aus Ihrem ERP (SAP, Sage, Dynamics, Odoo oder eigene Spalten): Sie sehen, wie Settle ihn liest und was er ändern würde, bevor etwas geschrieben wird.
import-done = Die Datei wurde importiert.
import-file = Datei
import-target = Inhalt
import-target-items = Offene Posten
import-target-payments = Zahlungen
import-target-customers = Kunden
import-profile = Importprofil
import-own-columns = Settles eigene Spalten
import-mode = Gesendete Posten
import-mode-delta = Nur Änderungen (Delta)
import-mode-stock = Alles Offene (Bestandsabzug)
import-entity = Gesellschaft (Bestandsabzug)
import-preview = Vorschau
import-history = Importverlauf
import-rows = Zeilen
import-result = Ergebnis
import-count-created = angelegt
import-count-updated = geändert
import-count-unchanged = unverändert
import-count-closed = ausgeglichen
import-count-applied = verbucht
import-count-already_applied = bereits verbucht
import-no-history = Noch keine Datei importiert.
import-reading = Wie die Datei gelesen wird
import-detected = aus der Datei erkannt
import-delimiter = Trennzeichen
import-decimal = Dezimalzeichen
import-date-format = Datumsformat
import-encoding = Zeichenkodierung
import-skip-rows = Zeilen vor der Kopfzeile überspringen
import-read-again = Neu lesen
import-summary = Was der Import tun würde
import-read-as = Gelesen als { $encoding }, Trennzeichen { $delimiter }
import-rows-read = Gelesene Zeilen: { $count }
import-rows-refused = Abgelehnte Zeilen: { $count }
import-would = Ergebnis:
import-confirm = { $count } Zeilen importieren
import-fix-first = Korrigieren Sie die abgelehnten Zeilen in der Datei oder im Profil und laden Sie sie erneut hoch: Solange eine Zeile abgelehnt ist, wird nichts importiert.
import-refused = Abgelehnte Zeilen
import-line = Zeile
import-column = Spalte
import-why = Grund
import-first-rows = Die ersten { $count } Zeilen, wie Settle sie liest
import-no-rows = Keine Zeile konnte gelesen werden.
import-mapping = Spalten
import-mapping-hint = Für jedes Feld die Spalte der Datei, die es enthält; speichern Sie die Zuordnung als Profil, um sie wiederzuverwenden.
import-no-column = — keine —
import-profile-code = Profilcode
import-save-profile = Als Profil speichern
field-file = Wählen Sie die zu importierende Datei.
field-profile = Wählen Sie ein Profil, das diese Daten liest.
field-code = Geben Sie einen Code aus Kleinbuchstaben, Ziffern, - oder _ an.
field-escalation-contact = Eskalationskontakt
escalation-nobody = Niemand
escalation-hint = Wenn eine Reklamation dieses Bearbeiters ihr Zieldatum um die Eskalationstage ihres Status überschreitet, erhält diese Person einmal einen Link per E-Mail und kann antworten.
agenda-late = Überfällige Reklamationen
agenda-broken = Gebrochene Zusagen
late-count = { $count ->
    [one] 1 Reklamation überfällig
    *[other] { $count } Reklamationen überfällig
}
late-empty = Keine Reklamation hat ihr Zieldatum überschritten.
broken-empty = In den letzten 60 Tagen wurde keine Zahlungszusage gebrochen.
col-customer = Kunde
col-deadline = Zieldatum
col-days-late = Tage überfällig
escalated = eskaliert
promised-on = Zugesagt für { $date }
broken-on = gebrochen am { $date }
