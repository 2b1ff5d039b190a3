# Administration screens (the console-admin component alone loads these).

admin-statuses = Statusi
admin-root-causes = Temeljni uzroci
admin-tolerances = Pragovi otpisa
admin-routing = Pravila dodjele
admin-resolvers = Rješavatelji
admin-action-models = Modeli radnji
admin-templates = Predlošci e-pošte
admin-scenarios = Scenariji podsjetnika
admin-tokens = API tokeni
admin-links = Potpisane poveznice
admin-kind = Vrsta
admin-kind-dispute = Spor
admin-kind-promise = Obećanje
admin-kind-info = Informacija
admin-kind-resolved = Riješeno
admin-typology = Tipologija
admin-action-model = Model radnje
admin-flags = Opcije
admin-active = Aktivan
admin-customer_visible = Vidljiv kupcima
admin-customer_selectable = Kupci ga mogu odabrati
admin-labels = Oznake
admin-inactive = neaktivan
admin-add-status = Dodaj status
admin-add-root-cause = Dodaj temeljni uzrok
admin-add-tolerance = Dodaj prag
admin-tolerance-percent = Postotak osporenog iznosa
admin-tolerance-hint = Ispod iznosa i postotka osporenog iznosa ostatak spora može se otpisati (stranica spora to nudi).
admin-routing-hint = Spor otvoren bez rješavatelja dobiva rješavatelja prvog pravila koje mu odgovara, po položaju. Prazno polje odgovara svemu; iznosi su ukupni sporni iznos u valuti pravila.
admin-add-routing-rule = Dodaj pravilo
admin-routing-position = Položaj
admin-routing-any = Bilo koji
admin-routing-min = Od iznosa
admin-routing-max = Do iznosa
admin-code = Šifra
admin-add-resolver = Dodaj rješavatelja
admin-delay-days = Rok (dana)
admin-add-model = Dodaj model radnje
admin-audience = Primatelj
admin-preview-hint = Pregledajte predložak na oglednim podacima prije spremanja.
admin-hashtags = Hashtagovi
admin-scenarios-hint = Uredite scenarij: promijenite, dodajte ili ispraznite korake (prazan redak nije korak).
admin-default = zadano
admin-token-once = Token za { $name }, prikazan samo ovaj put: kopirajte ga sada. Čuva se samo njegov sažetak.
admin-state = Stanje
admin-revoked = opozvano
admin-revoke = Opozovi
admin-add-token = Dodaj token
admin-links-hint = Poveznice poslane e-poštom, najnovije prve. Opozvana poveznica odmah prestaje otvarati svoju stranicu.
admin-expires = Istječe
admin-expired = isteklo
admin-no-links = Još nema poveznica.
admin-open-items = { $count ->
    [one] { $count } otvorena stavka
    [few] { $count } otvorene stavke
   *[other] { $count } otvorenih stavki
}
admin-days = { $count ->
    [one] { $count } dan
   *[other] { $count } dana
}
admin-steps = Koraci
admin-offset-days = Dana od dospijeća (negativno: prije)
admin-add-scenario = Dodaj scenarij
admin-webhooks = Webhookovi
admin-webhooks-hint = Događaji koji se šalju vašem ERP-u kad se reklamacija otvori, promijeni ili riješi, potpisani prema specifikaciji Standard Webhooks. Neuspjela dostava ponavlja se otprilike jedan dan, a zatim ostaje ovdje za ponovno slanje.
admin-webhook-url = URL primatelja
admin-webhook-description = Opis
admin-webhook-events = Događaji
admin-webhook-all-events = Svi događaji, uključujući buduće
admin-add-webhook = Dodaj primatelja
admin-webhook-secret-once = Tajni ključ za potpis za { $url }, prikazan samo ovaj put: kopirajte ga sada u svog primatelja.
admin-rotate-secret = Novi tajni ključ
admin-enable = Uključi
admin-disable = Isključi
admin-delete = Izbriši
admin-webhook-enabled = Aktivan
admin-webhook-disabled = Isključen
admin-deliveries = Dostave
admin-delivery-all = Sve
admin-delivery-pending = Na čekanju
admin-delivery-delivered = Dostavljeno
admin-delivery-failed = Neuspjelo
admin-webhook-event = Događaj
admin-attempts = Pokušaji
admin-last-answer = Zadnji odgovor
admin-next-attempt = Sljedeći pokušaj
admin-retry = Pokušaj ponovno
admin-no-webhooks = Još nema primatelja.
admin-no-deliveries = Još nema dostava.
admin-webhook-origins-empty = Nijedan primatelj ne može se dodati dok je postavka webhook_origins prazna: zamolite administratora da upiše adresu vašeg primatelja.
