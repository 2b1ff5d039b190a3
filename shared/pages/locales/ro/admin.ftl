# Administration screens (the console-admin component alone loads these).

admin-statuses = Statusuri
admin-root-causes = Cauze principale
admin-tolerances = Praguri de trecere pe pierderi
admin-routing = Reguli de alocare
admin-resolvers = Responsabili
admin-action-models = Modele de acțiune
admin-templates = Șabloane de email
admin-scenarios = Scenarii de mementouri
admin-tokens = Tokenuri API
admin-links = Linkuri semnate
admin-kind = Natură
admin-kind-dispute = Litigiu
admin-kind-promise = Promisiune
admin-kind-info = Informație
admin-kind-resolved = Rezolvat
admin-typology = Tipologie
admin-action-model = Model de acțiune
admin-flags = Opțiuni
admin-active = Activ
admin-customer_visible = Vizibil pentru clienți
admin-customer_selectable = Clienții îl pot alege
admin-labels = Etichete
admin-inactive = inactiv
admin-add-status = Adăugați un status
admin-add-root-cause = Adaugă o cauză principală
admin-add-tolerance = Adaugă un prag
admin-tolerance-percent = Procent din suma contestată
admin-tolerance-hint = Sub sumă și sub procentul din ce a fost contestat, restul unui litigiu poate fi trecut pe pierderi (pagina litigiului o propune).
admin-routing-hint = Un litigiu deschis fără responsabil primește responsabilul primei reguli care i se potrivește, după poziție. Un câmp gol se potrivește cu orice; sumele sunt totalul în litigiu, în moneda regulii.
admin-add-routing-rule = Adaugă o regulă
admin-routing-position = Poziție
admin-routing-any = Oricare
admin-routing-min = De la suma
admin-routing-max = Până la suma
admin-code = Cod
admin-add-resolver = Adăugați un responsabil
admin-delay-days = Termen (zile)
admin-add-model = Adăugați un model de acțiune
admin-audience = Destinatar
admin-preview-hint = Previzualizați șablonul pe date de exemplu înainte de a-l salva.
admin-hashtags = Hashtaguri
admin-scenarios-hint = Editați un scenariu: schimbați, adăugați sau goliți pași (un rând gol nu este un pas).
admin-default = implicit
admin-token-once = Tokenul pentru { $name }, afișat doar acum: copiați-l acum. Se păstrează doar amprenta lui.
admin-state = Stare
admin-revoked = revocat
admin-revoke = Revocare
admin-add-token = Adăugați un token
admin-links-hint = Linkuri trimise în emailuri, cele mai noi întâi. Un link revocat nu își mai deschide pagina, imediat.
admin-expires = Expiră
admin-expired = expirat
admin-no-links = Niciun link deocamdată.
admin-open-items = { $count ->
    [one] { $count } document deschis
    [few] { $count } documente deschise
   *[other] { $count } de documente deschise
}
admin-days = { $count ->
    [one] { $count } zi
    [few] { $count } zile
   *[other] { $count } de zile
}
admin-steps = Pași
admin-offset-days = Zile de la scadență (negativ: înainte)
admin-add-scenario = Adăugați un scenariu
admin-webhooks = Webhook-uri
admin-webhooks-hint = Evenimente trimise către ERP-ul dumneavoastră când un litigiu este deschis, modificat sau rezolvat, semnate conform specificației Standard Webhooks. O livrare eșuată este reîncercată timp de aproximativ o zi, apoi rămâne aici pentru a fi retrimisă.
admin-webhook-url = URL destinație
admin-webhook-description = Descriere
admin-webhook-events = Evenimente
admin-webhook-all-events = Toate evenimentele, inclusiv cele viitoare
admin-add-webhook = Adăugați o destinație
admin-webhook-secret-once = Secretul de semnare pentru { $url }, afișat doar acum: copiați-l acum în receptor.
admin-rotate-secret = Secret nou
admin-enable = Activați
admin-disable = Dezactivați
admin-delete = Ștergeți
admin-webhook-enabled = Activ
admin-webhook-disabled = Dezactivat
admin-deliveries = Livrări
admin-delivery-all = Toate
admin-delivery-pending = În așteptare
admin-delivery-delivered = Livrat
admin-delivery-failed = Eșuat
admin-webhook-event = Eveniment
admin-attempts = Încercări
admin-last-answer = Ultimul răspuns
admin-next-attempt = Următoarea încercare
admin-retry = Reîncercați
admin-no-webhooks = Nicio destinație încă.
admin-no-deliveries = Nicio livrare încă.
admin-webhook-origins-empty = Nu se poate adăuga nicio destinație cât timp setarea webhook_origins este goală: cereți echipei de operare să introducă adresa receptorului.
