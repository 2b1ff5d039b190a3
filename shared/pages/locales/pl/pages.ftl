# Strony Settle: polski.
money = { $amount }{"\u00A0"}{ $symbol }

language-label = Język
resolver-title = Reklamacja do rozpatrzenia
customer-title = Twoje konto
powered-by = Obsługa reklamacji: Settle

## Strony błędów
error-forbidden-title = Ten link jest nieprawidłowy
error-forbidden-body = Adres mógł zostać błędnie przepisany lub zmieniony. Otwórz link dokładnie w takiej postaci, w jakiej go otrzymałeś.
error-gone-title = Ten link jest już nieaktywny
error-gone-body = Wygasł lub został wycofany. Poproś swoją osobę kontaktową w dziale należności o nowy link.
error-throttled-title = Zbyt wiele prób
error-throttled-body = Odczekaj { $minutes } min, zanim spróbujesz ponownie.
error-notfound-title = Nie znaleziono strony
error-notfound-body = Pod tym adresem nic nie ma.
error-invalid-title = Sprawdź wprowadzone dane
error-invalid-body = Nic nie zostało zapisane. Wróć do strony, popraw poniższe pola i wyślij ponownie.
error-server-title = Coś poszło nie tak
error-server-body = Nic nie zostało zapisane. Spróbuj ponownie za chwilę.
error-report-title = Nie można wyświetlić tego raportu
error-report-body = Jeden z filtrów jest nieprawidłowy. Popraw go i wyświetl raport ponownie.
back-to-page = Wróć do strony

## Błędy w polach
error-comment = Napisz wiadomość (najwyżej { $max } znaków, bez znaków sterujących).
error-item = Zaznacz co najmniej jedną ze swoich otwartych pozycji.
error-reason = Wybierz powód z listy.
error-date = Wybierz prawidłową datę w dozwolonym okresie.
error-reference = Tytuł płatności jest zbyt długi lub zawiera znaki sterujące.
error-file = Załącz plik PDF, PNG lub JPEG o rozmiarze najwyżej 5 MB.
error-outcome = Wybierz jedno z proponowanych rozstrzygnięć.
error-resolver_id = Wybierz innego aktywnego współpracownika.
error-form_token = Formularz wygasł. Odśwież stronę i wyślij ponownie.
error-form = Nie udało się odczytać formularza. Odśwież stronę i wyślij ponownie.

## Tabele
col-select = Wybierz
col-number = Numer
col-document-date = Data dokumentu
col-due-date = Termin płatności
col-amount = Kwota
col-open-amount = Kwota do zapłaty
col-disputed = Sporne
disputed-part = w tym { $amount } sporne
col-currency = Waluta
col-status = Status
overdue = Przeterminowane
days-overdue = { $days ->
    [one] { $days } dzień po terminie
    [few] { $days } dni po terminie
    [many] { $days } dni po terminie
   *[other] { $days } dnia po terminie
}
total-label = Razem
outstanding = Saldo
overdue-total = Przeterminowane
disputed-total = W reklamacji
no-open-items = Na tym koncie nie ma otwartych pozycji.
none = Brak

## Strona osoby rozpatrującej
resolver-heading = Reklamacja: { $name }
customer-label = Klient
customer-id = Numer klienta
entity-label = Spółka
dispute-status = Status
status-date = Data statusu
collector-comment = Komentarz działu należności
follow-up = Przypomnienie
follow-up-date = Data przypomnienia
items-concerned = Pozycje objęte reklamacją
thread-heading = Wiadomości
thread-empty = Nie ma jeszcze wiadomości.
speaker-collector = Dział należności
speaker-resolver = Osoba rozpatrująca
speaker-customer = Klient
speaker-system = System
on-items = dot. { $number }
account-summary = Podsumowanie konta
other-open-items = Inne otwarte pozycje
reply-heading = Odpowiedz
reply-label = Twoja wiadomość
reply-send = Wyślij odpowiedź
outcome-heading = Zaproponuj rozstrzygnięcie
outcome-label = Rozstrzygnięcie
outcome-comment-label = Wyjaśnienie (opcjonalnie)
outcome-send = Zaproponuj to rozstrzygnięcie
outcome-credit_note = Do wystawienia korekta
outcome-not_justified = Nieuzasadniona – klient musi zapłacić
outcome-need_info = Potrzeba więcej informacji
outcome-resolved = Rozwiązana
attach-heading = Dołącz dokumenty
attach-label = Pliki (PDF, PNG lub JPEG, każdy do 5 MB)
attach-send = Dołącz
attachments-heading = Dokumenty
no-attachments = Nie ma jeszcze dokumentów.
handover-heading = Przekaż współpracownikowi
handover-label = Współpracownik
handover-comment-label = Uwaga dla współpracownika (opcjonalnie)
handover-send = Przekaż
resolver-note = Dział należności zamyka reklamację, gdy zostanie rozwiązana. Twoje odpowiedzi trafiają do niego.
saved = Zapisano. Dział należności został powiadomiony.

## Strona klienta
customer-heading = Wyciąg z konta: { $name }
statement-heading = Otwarte pozycje
download-csv = Pobierz jako CSV
select-hint = Każde zadanie poniżej ma własną listę pozycji: zaznacz te, których dotyczy.
comment-heading = Wyślij komentarz
comment-label = Twój komentarz
comment-send = Wyślij komentarz
dispute-heading = Zareklamuj pozycje
dispute-reason = Powód
dispute-comment = Opisz problem
dispute-attach = Dokumenty potwierdzające (opcjonalnie)
dispute-send = Zareklamuj zaznaczone pozycje
promise-heading = Deklaracja zapłaty
promise-date = Data zapłaty (w ciągu { $days } dni)
promise-comment = Komentarz (opcjonalnie)
promise-send = Zadeklaruj zapłatę zaznaczonych pozycji
payment-heading = Płatność jest w drodze
payment-date = Data płatności
payment-reference = Tytuł płatności (opcjonalnie)
payment-send = Zgłoś płatność
tracker-heading = Twoje reklamacje
tracker-empty = Nie masz reklamacji.
tracker-opened = Otwarta
tracker-reason = Powód
tracker-items = Pozycje
tracker-state = Stan
tracker-state-open = Otwarta
tracker-state-answered = Z odpowiedzią
tracker-state-resolved = Rozwiązana { $date }
your-messages = Twoje wiadomości
customer-saved = Dziękujemy. Twoje zgłoszenie zostało zapisane, a dział należności powiadomiony.

## Statusy widoczne dla klienta
status-price_dispute = Reklamacja ceny
status-quality_dispute = Reklamacja jakości
status-delivery_dispute = Reklamacja dostawy
status-administrative_dispute = W trakcie weryfikacji
status-promise_to_pay = Zadeklarowana zapłata
status-payment_in_progress = Płatność w drodze
status-dispute_resolved = Reklamacja rozwiązana

## Raporty
percent = { $value }%
report-console = Powrót do konsoli
report-disputes-title = Raport sporów
report-item-statuses-title = Raport statusów dokumentów
report-kpis-title = Wskaźniki należności
report-dispute-cases-title = Analiza sporów
report-as-of = Na dzień { $date }
report-filters = Filtry
report-filters-hint = Podmiot, windykator i klient wybierają liczone dokumenty; status i osoba rozpatrująca wybierają dokumenty sporne lub zakwalifikowane, których dotyczą liczby.
report-field-as-of = Data
report-field-entity = Podmiot
report-field-collector = Windykator
report-field-customer = Identyfikator klienta
report-field-status = Status
report-field-resolver = Osoba rozpatrująca
report-field-from = Rozwiązania od
report-field-to = Rozwiązania do
report-field-cei-from = Okres wskaźnika od
report-field-cei-to = Okres wskaźnika do
report-field-months = Miesiące trendu
report-field-language = Język
report-any = Wszystkie
report-apply = Pokaż raport
report-download = Pobierz jako CSV
report-summary = Podsumowanie
report-outstanding = Należności otwarte
report-items = { $n ->
    [one] { $n } dokument
    [few] { $n } dokumenty
   *[many] { $n } dokumentów
}
report-disputed = Należności sporne
report-disputed-items = Dokumenty sporne
report-rate-amount = Wskaźnik sporów (kwota)
report-rate-count = Wskaźnik sporów (liczba)
report-by-status = Według rodzaju sporu
report-by-any-status = Według statusu
report-by-customer = Według klienta
report-by-resolver = Według osoby rozpatrującej
report-by-entity = Według podmiotu
report-by-collector = Według windykatora
report-aging = Wiek otwartych sporów
report-age-0-30 = 0–30 dni
report-age-31-60 = 31–60 dni
report-age-61-90 = 61–90 dni
report-age-90-plus = Ponad 90 dni
report-trend = Należności sporne na koniec każdego miesiąca
report-resolution = Spory rozwiązane od { $from } do { $to }
report-resolution-by-status = Czas rozwiązania według rodzaju sporu
report-resolution-by-resolver = Czas rozwiązania według osoby rozpatrującej
report-resolved = Rozwiązane
report-average = Średni czas (dni)
report-median = Mediana (dni)
report-p90 = 90. percentyl (dni)
report-name = Nazwa
report-amount = Kwota
report-count = Dokumenty
report-share = Udział
report-date = Data
report-none-status = Bez statusu
report-none-resolver = Bez osoby rozpatrującej
report-none-collector = Bez windykatora
report-empty = Brak danych.
report-overdue = Przeterminowane
report-qualified = Zakwalifikowane
report-qualification-rate = Wskaźnik kwalifikacji
report-qualification-rate-count = Wskaźnik kwalifikacji (liczba)
report-kpi-dso-countback = DSO, metoda wsteczna (dni)
report-kpi-dso-simple = DSO, metoda prosta (dni)
report-kpi-best-dso = Najlepsze możliwe DSO (dni)
report-kpi-add = Średnie opóźnienie płatności (dni)
report-kpi-disputed-dso = DSO sporów (dni)
report-kpi-cei = Wskaźnik skuteczności windykacji, { $from } – { $to }

# A resolver link whose dispute is resolved or handed over (read-only)
resolver-title-closed = Reklamacja (tylko do odczytu)
resolver-readonly-resolved = Ta reklamacja została rozwiązana. Strona pozostaje dostępna do odczytu; odpowiedzi, pliki i przekazania są zamknięte.
resolver-readonly-handed-over = Przekazano tę reklamację lub przydzielono ją komuś innemu. Strona pozostaje dostępna do odczytu; osoba, która się nią teraz zajmuje, odpowiada przez własny link.
error-closed-resolved-title = Ta reklamacja została rozwiązana
error-closed-resolved-body = Nic nie zapisano: reklamacja została rozwiązana, a jej strona jest teraz tylko do odczytu.
error-closed-handed-over-title = Tą reklamacją zajmuje się ktoś inny
error-closed-handed-over-body = Nic nie zapisano: reklamacja została przekazana. Osoba, która się nią teraz zajmuje, odpowiada przez własny link.
error-quota = Te pliki przekroczyłyby dopuszczalny rozmiar: 25 MB na link, 50 MB na reklamację. Wyślij mniej lub mniejsze pliki albo prześlij je e-mailem swojej osobie kontaktowej.

# Item kinds: credits show as credits (a marker and a minus sign) everywhere
col-kind = Rodzaj
kind-invoice = Faktura
kind-credit_note = Faktura korygująca
kind-payment_on_account = Zaliczka
kind-other = Inne
dispute-amount = Kwota sporna (opcjonalnie)
dispute-amount-hint = Tylko dla części jednej faktury: zaznacz tę fakturę. Zostaw puste, aby zakwestionować całą otwartą kwotę.
error-amount = Podaj kwotę sporną dla jednej faktury naraz, nie większą niż kwota otwarta, albo zostaw pole puste.
error-amounts = { error-amount }
