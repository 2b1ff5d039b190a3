# Administration screens (the console-admin component alone loads these).

admin-statuses = Statusy
admin-root-causes = Przyczyny źródłowe
admin-tolerances = Progi odpisu
admin-routing = Reguły przydziału
admin-resolvers = Osoby wyjaśniające
admin-action-models = Modele czynności
admin-templates = Szablony e-maili
admin-scenarios = Scenariusze przypomnień
admin-tokens = Tokeny API
admin-links = Podpisane linki
admin-kind = Rodzaj
admin-kind-dispute = Spór
admin-kind-promise = Obietnica
admin-kind-info = Informacja
admin-kind-resolved = Rozwiązany
admin-typology = Typologia
admin-action-model = Model czynności
admin-flags = Opcje
admin-active = Aktywny
admin-customer_visible = Widoczny dla klientów
admin-customer_selectable = Klienci mogą go wybrać
admin-labels = Etykiety
admin-inactive = nieaktywny
admin-add-status = Dodaj status
admin-add-root-cause = Dodaj przyczynę źródłową
admin-add-tolerance = Dodaj próg
admin-tolerance-percent = Procent kwoty spornej
admin-tolerance-hint = Poniżej kwoty i procentu kwoty spornej resztę sporu można odpisać (strona sporu to proponuje).
admin-routing-hint = Spór otwarty bez wyjaśniającego otrzymuje wyjaśniającego pierwszej pasującej reguły, według pozycji. Puste pole pasuje do wszystkiego; kwoty to suma sporna w walucie reguły.
admin-add-routing-rule = Dodaj regułę
admin-routing-position = Pozycja
admin-routing-any = Dowolny
admin-routing-min = Od kwoty
admin-routing-max = Do kwoty
admin-code = Kod
admin-add-resolver = Dodaj osobę wyjaśniającą
admin-delay-days = Termin (dni)
admin-add-model = Dodaj model czynności
admin-audience = Odbiorca
admin-preview-hint = Obejrzyj podgląd szablonu na przykładowych danych przed zapisaniem.
admin-hashtags = Hashtagi
admin-scenarios-hint = Edytuj scenariusz: zmień, dodaj lub wyczyść kroki (pusty wiersz nie jest krokiem).
admin-default = domyślny
admin-token-once = Token dla { $name }, pokazany tylko ten jeden raz: skopiuj go teraz. Przechowywany jest tylko jego skrót.
admin-state = Stan
admin-revoked = unieważniony
admin-revoke = Unieważnij
admin-add-token = Dodaj token
admin-links-hint = Linki wysłane w e-mailach, od najnowszych. Unieważniony link od razu przestaje otwierać swoją stronę.
admin-expires = Wygasa
admin-expired = wygasł
admin-no-links = Brak linków.
admin-open-items = { $count ->
    [one] { $count } otwarta pozycja
    [few] { $count } otwarte pozycje
   *[other] { $count } otwartych pozycji
}
admin-days = { $count ->
    [one] { $count } dzień
   *[other] { $count } dni
}
admin-steps = Kroki
admin-offset-days = Dni od terminu (ujemne: przed)
admin-add-scenario = Dodaj scenariusz
admin-webhooks = Webhooki
admin-webhooks-hint = Zdarzenia wysyłane do Twojego ERP, gdy reklamacja zostaje otwarta, zmieniona lub rozwiązana, podpisane zgodnie ze specyfikacją Standard Webhooks. Nieudane doręczenie jest ponawiane przez około dobę, a potem zostaje tutaj do ponownego wysłania.
admin-webhook-url = Adres URL odbiorcy
admin-webhook-description = Opis
admin-webhook-events = Zdarzenia
admin-webhook-all-events = Wszystkie zdarzenia, także przyszłe
admin-add-webhook = Dodaj odbiorcę
admin-webhook-secret-once = Sekret podpisu dla { $url }, pokazany tylko ten jeden raz: skopiuj go teraz do odbiorcy.
admin-rotate-secret = Nowy sekret
admin-enable = Włącz
admin-disable = Wyłącz
admin-delete = Usuń
admin-webhook-enabled = Aktywny
admin-webhook-disabled = Wyłączony
admin-deliveries = Doręczenia
admin-delivery-all = Wszystkie
admin-delivery-pending = Oczekuje
admin-delivery-delivered = Doręczone
admin-delivery-failed = Nieudane
admin-webhook-event = Zdarzenie
admin-attempts = Próby
admin-last-answer = Ostatnia odpowiedź
admin-next-attempt = Następna próba
admin-retry = Ponów
admin-no-webhooks = Brak odbiorców.
admin-no-deliveries = Brak doręczeń.
admin-webhook-origins-empty = Nie można dodać odbiorcy, dopóki ustawienie webhook_origins jest puste: poproś administratora o wpisanie adresu odbiorcy.
