# Konsola Settle: polski.

## Frame
nav-label = Sekcje
nav-customers = Klienci
nav-agenda = Terminarz
nav-disputes = Spory
nav-reports = Raporty
nav-users = Użytkownicy
sign-out = Wyloguj
back-to-console = Powrót do konsoli

## Sign-in and first admin
sign-in-title = Logowanie
sign-in = Zaloguj
sign-in-refused = Adres e-mail lub hasło są nieprawidłowe albo to konto jest nieaktywne.
sign-in-first-time = Pierwszy raz w tej instalacji? Zaloguj się adresem admin i tokenem administracyjnym, aby utworzyć pierwsze konto.
first-admin-title = Utwórz pierwszego administratora
first-admin-intro = Nikt jeszcze nie może się zalogować. To konto będzie zarządzać użytkownikami, statusami i resztą konfiguracji.
first-admin-create = Utwórz i zaloguj
password-rule = Co najmniej 12 znaków, nie wszystkie takie same, i inne niż twój e-mail.

## Fields
field-email = E-mail
field-password = Hasło
field-name = Imię i nazwisko
field-language = Język
field-role = Rola
field-active = Aktywny
field-comment = Komentarz
field-status = Wybierz aktywny status.
field-status_date = Podaj prawidłową datę, nie z przyszłości.
field-resolver_id = Wybierz aktywną osobę wyjaśniającą.
field-item_ids = Zaznacz otwarte pozycje tego klienta.
field-next_action = Sprawdź następną czynność: potrzebne są typ, nazwa i data.
field-template = Wybierz szablon e-maila.
field-to = Odbiorca nie ma adresu e-mail.
field-version = Ktoś w międzyczasie zmienił tę czynność: oto jej obecny stan. Wprowadź swoją zmianę ponownie.
field-type = Tej czynności nie można tak zakończyć.
field-date = Podaj prawidłową datę.
field-state = Ta czynność jest już zakończona.
field-form = Nie udało się odczytać formularza. Odśwież stronę i wyślij ponownie.
field-conflict = To jest sprzeczne z tym, co jest już zapisane.
new-password = Nowe hasło
role-collector = Windykator
role-admin = Administrator
yes = Tak
no = Nie
add-user = Dodaj użytkownika
form-not-saved = Nic nie zostało zapisane. Popraw:

## Customers
customers-search = Szukaj po nazwie lub numerze
search = Szukaj
customers-count = { $count ->
    [one] { $count } wiersz
    [few] { $count } wiersze
   *[other] { $count } wierszy
}
customers-none = Żaden klient nie pasuje.
col-name = Nazwa
col-id = Numer
col-outstanding = Saldo
col-overdue = Przeterminowane
col-next = Następna czynność
col-collector = Windykator
col-resolver = Wyjaśniający
col-dunning = Monit
pages-label = Strony
previous-page = Poprzednia
next-page = Następna
page-of = Strona { $n } z { $count }

## Customer sheet
totals-heading = Sumy
next-scenario-step = Następne przypomnienie
filter-overdue = Termin
filter-all = Wszystkie
filter-overdue-yes = Tylko przeterminowane
filter-overdue-no = Nieprzeterminowane
filter-apply = Pokaż
select-item = Zaznacz { $number }
in-scenario = W scenariuszu
held-by-action = Wstrzymana przez czynność
first-page = Wróć do pierwszych pozycji
next-items = Następne pozycje
col-open-items = Pozycje
change-status = Zmień status…
live-actions = Trwające czynności
no-live-actions = Brak trwających czynności.
history-heading = Historia
items-count = { $count ->
    [one] { $count } pozycja
    [few] { $count } pozycje
   *[other] { $count } pozycji
}
step-letter = List
step-email = E-mail
step-call = Telefon

## Change status
steps-label = Kroki
step-1 = Status
step-2 = E-mail
step-3 = Następna czynność
choose = Wybierz…
next-step = Dalej
disputed-amounts = Kwota sporna
disputed-amounts-hint = Dla statusu sporu: część każdej pozycji kwestionowana przez klienta. Pozostaw puste dla całej kwoty do zapłaty.
email-template = Szablon e-maila
email-preview = Podgląd
email-to = Do
email-subject = Temat
email-body = Treść
email-edit = Edytuj e-mail
email-refresh = Odśwież podgląd
email-send-next = Wyślij ten e-mail i dalej
email-skip = Dalej bez e-maila
email-will-send = E-mail { $template } zostanie wysłany po potwierdzeniu.
email-skipped = Żaden e-mail nie zostanie wysłany.
routed-resolver = Wyjaśniający: { $resolver }, wybrany przez regułę przydziału { $rule }.
next-action = Następna czynność
next-scenario = Niech scenariusz przypomnień działa dalej
next-suggested = Proponowana kontynuacja (każde pole można zmienić)
next-define = Określ czynność
confirm = Potwierdź
cancel = Anuluj

## Actions
action-type = Typ
action-name = Nazwa
action-date = Data
action-done-on = Zakończona
action-state-live = Trwa
action-state-done = Zakończona
action-type-dispute = Śledzenie sporu
action-type-promise = Obietnica zapłaty
action-type-call = Telefon
action-type-email = E-mail
action-type-letter = List
action-type-task = Zadanie
open-customer = Otwórz klienta
open-action = Otwórz
modify = Zmień
save = Zapisz
detach = Wyjmij zaznaczone pozycje z czynności
detached = wyjęta
terminate = Zakończ
terminate-dispute-hint = Pozycje wciąż sporne otrzymają status „Spór rozwiązany” i wrócą do scenariusza przypomnień.
terminate-hint = Pozycje wrócą do scenariusza przypomnień.
answered = Odpowiedziano

## Agenda
agenda-due = Do zrobienia
agenda-replies = Odpowiedzi i komentarze
agenda-date = Termin do
agenda-count = { $count ->
    [one] { $count } rzecz do zrobienia
    [few] { $count } rzeczy do zrobienia
   *[other] { $count } rzeczy do zrobienia
}
agenda-empty = Nic nie jest do zrobienia.
record-reminder = Oznacz przypomnienie jako wykonane
new = Nowe
replies-empty = Brak odpowiedzi w ostatnich 30 dniach.

## Failures
failure-forbidden-title = Niedozwolone
failure-forbidden-body = Nie możesz tego zrobić albo formularz wygasł. Odśwież stronę i spróbuj ponownie.
failure-notfound-title = Nie znaleziono strony
failure-notfound-body = Pod tym adresem nic nie ma.
failure-method-title = Niedostępne
failure-method-body = Ten adres nie obsługuje takiego żądania.
failure-invalid-title = Sprawdź wprowadzone dane
failure-invalid-body = Nic nie zostało zapisane.
failure-throttled-title = Zbyt wiele prób
failure-throttled-body = Odczekaj { $minutes } min przed ponowną próbą.
failure-toolarge-title = Za dużo naraz
failure-toolarge-body = Formularz jest za duży. Zaznacz mniej pozycji.
failure-server-title = Coś poszło nie tak
failure-server-body = Nic nie zostało zapisane. Spróbuj ponownie za chwilę.

## History
actor-admin = Administrator
event-created = utworzona
event-updated = zaktualizowana
event-status_changed = zmiana statusu
event-payment = płatność
event-closed = spłacona
event-reopened = ponownie otwarta
event-action_attached = wstrzymana przez czynność
event-action_detached = wyjęta z czynności
event-comment = komentarz
event-outcome = zaproponowano rozwiązanie
event-attachment = załączono plik
event-handover = przekazana
event-reminder = wysłano przypomnienie

## Admin screens
nav-admin = Administracja
admin-title = Administracja
admin-created = Utworzono

# Email templates by name, and the preview's text part
email-text-part = Część tekstowa
email-template-name-resolver_dispute = Do rozpatrującego: reklamacja do rozpatrzenia
email-template-name-customer_confirmation = Do klienta: potwierdzenie reklamacji

# Outbound webhooks (admin)
field-url = Podaj adres http lub https dozwolony przez webhook_origins.
field-events = Zaznacz co najmniej jedno zdarzenie.

# Import (admin)
import-title = Import
import-hint = Zaimportuj eksport z ERP (SAP, Sage, Dynamics, Odoo lub własne kolumny): zobacz, jak Settle go odczytuje i co by zmienił, zanim cokolwiek zostanie zapisane.
import-done = Plik został zaimportowany.
import-file = Plik
import-target = Zawartość
import-target-items = Otwarte pozycje
import-target-payments = Płatności
import-target-customers = Klienci
import-profile = Profil importu
import-own-columns = Własne kolumny Settle
import-mode = Wysłane pozycje
import-mode-delta = Tylko zmiany (delta)
import-mode-stock = Wszystko otwarte (stan)
import-entity = Spółka (stan)
import-preview = Podgląd
import-history = Historia importów
import-rows = Wiersze
import-result = Wynik
import-count-created = utworzone
import-count-updated = zmienione
import-count-unchanged = bez zmian
import-count-closed = rozliczone
import-count-applied = zaksięgowane
import-count-already_applied = już zaksięgowane
import-no-history = Nie zaimportowano jeszcze żadnego pliku.
import-reading = Jak plik jest odczytywany
import-detected = wykryte w pliku
import-delimiter = Separator
import-decimal = Znak dziesiętny
import-date-format = Format daty
import-encoding = Kodowanie
import-skip-rows = Wiersze do pominięcia przed nagłówkiem
import-read-again = Odczytaj ponownie
import-summary = Co zrobiłby import
import-read-as = Odczytano jako { $encoding }, separator { $delimiter }
import-rows-read = Odczytane wiersze: { $count }
import-rows-refused = Odrzucone wiersze: { $count }
import-would = Wynik:
import-confirm = Importuj wiersze: { $count }
import-fix-first = Popraw odrzucone wiersze w pliku lub profilu i prześlij go ponownie: dopóki jakiś wiersz jest odrzucony, nic nie zostanie zaimportowane.
import-refused = Odrzucone wiersze
import-line = Wiersz
import-column = Kolumna
import-why = Powód
import-first-rows = Pierwsze wiersze ({ $count }) tak, jak odczytuje je Settle
import-no-rows = Nie udało się odczytać żadnego wiersza.
import-mapping = Kolumny
import-mapping-hint = Dla każdego pola kolumna pliku, która je zawiera; zapisz przypisanie jako profil, aby użyć go ponownie.
import-no-column = — brak —
import-profile-code = Kod profilu
import-save-profile = Zapisz jako profil
field-file = Wybierz plik do zaimportowania.
field-profile = Wybierz profil, który odczytuje takie dane.
field-code = Podaj kod z małych liter, cyfr, - lub _.
field-escalation-contact = Osoba do eskalacji
escalation-nobody = Nikt
escalation-hint = Gdy spór tej osoby przekroczy termin o dni eskalacji swojego statusu, ta osoba raz otrzyma link e-mailem i może odpowiedzieć.
agenda-late = Przeterminowane spory
agenda-broken = Niedotrzymane obietnice
late-count = { $count ->
    [one] 1 spór po terminie
    [few] { $count } spory po terminie
    *[other] { $count } sporów po terminie
}
late-empty = Żaden spór nie przekroczył terminu.
broken-empty = W ostatnich 60 dniach nie złamano żadnej obietnicy zapłaty.
col-customer = Klient
col-deadline = Termin
col-days-late = Dni opóźnienia
escalated = eskalowano
promised-on = Obiecano na { $date }
broken-on = niedotrzymana { $date }
