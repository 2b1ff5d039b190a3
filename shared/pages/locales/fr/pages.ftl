# Pages Settle : français.
money = { $amount }{"\u00A0"}{ $symbol }

language-label = Langue
resolver-title = Litige à résoudre
customer-title = Votre compte
powered-by = Gestion des litiges par Settle

## Pages d'erreur
error-forbidden-title = Ce lien n'est pas valide
error-forbidden-body = L'adresse a peut-être été mal recopiée ou modifiée. Ouvrez le lien tel que vous l'avez reçu.
error-gone-title = Ce lien n'est plus actif
error-gone-body = Il a expiré ou a été retiré. Demandez un nouveau lien à votre contact au service recouvrement.
error-throttled-title = Trop de tentatives
error-throttled-body = Veuillez patienter { $minutes } minutes avant de réessayer.
error-notfound-title = Page introuvable
error-notfound-body = Il n'y a rien à cette adresse.
error-invalid-title = Vérifiez votre saisie
error-invalid-body = Rien n'a été enregistré. Revenez à la page, corrigez les champs ci-dessous et envoyez à nouveau.
error-server-title = Une erreur est survenue
error-server-body = Rien n'a été enregistré. Veuillez réessayer dans un instant.
error-report-title = Ce rapport ne peut pas être affiché
error-report-body = Un filtre n’est pas valide. Corrigez-le et affichez à nouveau le rapport.
back-to-page = Revenir à la page

## Erreurs de saisie
error-comment = Écrivez un message (au plus { $max } caractères, sans caractères de contrôle).
error-item = Sélectionnez au moins une de vos pièces ouvertes.
error-reason = Choisissez un motif dans la liste.
error-date = Choisissez une date valide dans la période autorisée.
error-reference = La référence est trop longue ou contient des caractères de contrôle.
error-file = Joignez un fichier PDF, PNG ou JPEG de 5 Mo au plus.
error-outcome = Choisissez l'une des issues proposées.
error-resolver_id = Choisissez un autre collègue actif.
error-form_token = Le formulaire a expiré. Rechargez la page et envoyez à nouveau.
error-form = Le formulaire n'a pas pu être lu. Rechargez la page et envoyez à nouveau.

## Tableaux
col-select = Sélection
col-number = Numéro
col-document-date = Date de pièce
col-due-date = Échéance
col-amount = Montant
col-open-amount = Reste dû
col-disputed = En litige
disputed-part = dont { $amount } en litige
col-currency = Devise
col-status = Statut
overdue = En retard
days-overdue = { $days ->
    [one] { $days } jour de retard
   *[other] { $days } jours de retard
}
total-label = Total
outstanding = Encours
overdue-total = Échu
disputed-total = En litige
no-open-items = Aucune pièce ouverte sur ce compte.
none = Aucun

## Page du résolveur
resolver-heading = Litige : { $name }
customer-label = Client
customer-id = Code client
entity-label = Société
dispute-status = Statut
status-date = Date du statut
collector-comment = Commentaire du service recouvrement
follow-up = Action de suivi
follow-up-date = Date de l'action
items-concerned = Pièces concernées
thread-heading = Échanges
thread-empty = Aucun message pour l'instant.
speaker-collector = Service recouvrement
speaker-resolver = Résolveur
speaker-customer = Client
speaker-system = Système
on-items = sur { $number }
account-summary = Synthèse du compte
other-open-items = Autres pièces ouvertes
reply-heading = Répondre
reply-label = Votre message
reply-send = Envoyer la réponse
outcome-heading = Proposer une issue
outcome-label = Issue
outcome-comment-label = Explication (facultative)
outcome-send = Proposer cette issue
outcome-credit_note = Avoir à émettre
outcome-not_justified = Non justifié — le client doit payer
outcome-need_info = Besoin d'informations complémentaires
outcome-resolved = Résolu
attach-heading = Joindre des documents
attach-label = Fichiers (PDF, PNG ou JPEG, 5 Mo au plus chacun)
attach-send = Joindre
attachments-heading = Documents
no-attachments = Aucun document pour l'instant.
handover-heading = Transmettre à un collègue
handover-label = Collègue
handover-comment-label = Note pour votre collègue (facultative)
handover-send = Transmettre
resolver-note = Le service recouvrement clôt le litige une fois réglé. Vos réponses lui sont transmises.
saved = Enregistré. Le service recouvrement a été prévenu.

## Page client
customer-heading = Relevé de compte : { $name }
statement-heading = Pièces ouvertes
download-csv = Télécharger en CSV
select-hint = Chaque démarche ci-dessous a sa propre liste de pièces : cochez celles qui sont concernées.
comment-heading = Envoyer un commentaire
comment-label = Votre commentaire
comment-send = Envoyer le commentaire
dispute-heading = Contester des pièces
dispute-reason = Motif
dispute-comment = Expliquez le problème
dispute-attach = Justificatifs (facultatifs)
dispute-send = Contester les pièces sélectionnées
promise-heading = Promesse de paiement
promise-date = Date de paiement (sous { $days } jours)
promise-comment = Commentaire (facultatif)
promise-send = Promettre de payer les pièces sélectionnées
payment-heading = Un paiement est en cours
payment-date = Date du paiement
payment-reference = Référence du paiement (facultative)
payment-send = Signaler le paiement
tracker-heading = Vos litiges
tracker-empty = Vous n'avez aucun litige.
tracker-opened = Ouvert le
tracker-reason = Motif
tracker-items = Pièces
tracker-state = État
tracker-state-open = Ouvert
tracker-state-answered = Réponse apportée
tracker-state-resolved = Résolu le { $date }
your-messages = Vos messages
customer-saved = Merci. Votre demande est enregistrée et le service recouvrement a été prévenu.

## Statuts vus par le client
status-price_dispute = Prix contesté
status-quality_dispute = Qualité contestée
status-delivery_dispute = Livraison contestée
status-administrative_dispute = En cours de vérification
status-promise_to_pay = Paiement promis
status-payment_in_progress = Paiement en cours
status-dispute_resolved = Litige résolu

## Rapports
percent = { $value }{"\u00A0"}%
report-console = Retour à la console
report-disputes-title = Rapport des litiges
report-item-statuses-title = Rapport des statuts de pièces
report-kpis-title = Indicateurs du poste clients
report-dispute-cases-title = Analyse des litiges
report-as-of = Au { $date }
report-filters = Filtres
report-filters-hint = L’entité, le recouvreur et le client choisissent les pièces comptées ; le statut et le résolveur choisissent les pièces en litige ou qualifiées dont parlent les chiffres.
report-field-as-of = Date
report-field-entity = Entité
report-field-collector = Recouvreur
report-field-customer = Identifiant client
report-field-status = Statut
report-field-resolver = Résolveur
report-field-from = Résolutions du
report-field-to = Résolutions au
report-field-cei-from = Période de l’indice du
report-field-cei-to = Période de l’indice au
report-field-months = Mois de tendance
report-field-language = Langue
report-any = Tous
report-apply = Afficher le rapport
report-download = Télécharger en CSV
report-summary = Synthèse
report-outstanding = Encours
report-items = { $n ->
    [one] { $n } pièce
   *[other] { $n } pièces
}
report-disputed = Encours en litige
report-disputed-items = Pièces en litige
report-rate-amount = Taux de litige (montant)
report-rate-count = Taux de litige (nombre)
report-by-status = Par type de litige
report-by-any-status = Par statut
report-by-customer = Par client
report-by-resolver = Par résolveur
report-by-entity = Par entité
report-by-collector = Par recouvreur
report-aging = Ancienneté des litiges ouverts
report-age-0-30 = 0 à 30 jours
report-age-31-60 = 31 à 60 jours
report-age-61-90 = 61 à 90 jours
report-age-90-plus = Plus de 90 jours
report-trend = Encours en litige à chaque fin de mois
report-resolution = Litiges résolus du { $from } au { $to }
report-resolution-by-status = Délai de résolution par type de litige
report-resolution-by-resolver = Délai de résolution par résolveur
report-resolved = Résolus
report-average = Délai moyen (jours)
report-median = Délai médian (jours)
report-p90 = 90e centile (jours)
report-name = Nom
report-amount = Montant
report-count = Pièces
report-share = Part
report-date = Date
report-none-status = Sans statut
report-none-resolver = Sans résolveur
report-none-collector = Sans recouvreur
report-empty = Rien à signaler.
report-overdue = Échu
report-qualified = Qualifié
report-qualification-rate = Taux de qualification
report-qualification-rate-count = Taux de qualification (nombre)
report-kpi-dso-countback = DSO, méthode par épuisement (jours)
report-kpi-dso-simple = DSO, méthode simple (jours)
report-kpi-best-dso = Meilleur DSO possible (jours)
report-kpi-add = Retard moyen de paiement (jours)
report-kpi-disputed-dso = DSO des litiges (jours)
report-kpi-cei = Indice d’efficacité du recouvrement, { $from } – { $to }

# A resolver link whose dispute is resolved or handed over (read-only)
resolver-title-closed = Litige (lecture seule)
resolver-readonly-resolved = Ce litige est résolu. La page reste consultable ; les réponses, pièces jointes et transferts sont fermés.
resolver-readonly-handed-over = Vous avez transmis ce litige, ou il a été réattribué. La page reste consultable ; la personne désormais en charge répond depuis son propre lien.
error-closed-resolved-title = Ce litige est résolu
error-closed-resolved-body = Rien n'a été enregistré : le litige est réglé et sa page est désormais en lecture seule.
error-closed-handed-over-title = Ce litige est entre d'autres mains
error-closed-handed-over-body = Rien n'a été enregistré : le litige a été transmis. La personne désormais en charge répond depuis son propre lien.
error-quota = Ces fichiers dépasseraient ce qui peut être envoyé : 25 Mo par lien, 50 Mo par litige. Envoyez des fichiers moins nombreux ou plus légers, ou transmettez-les par e-mail à votre contact.

# Item kinds: credits show as credits (a marker and a minus sign) everywhere
col-kind = Type
kind-invoice = Facture
kind-credit_note = Avoir
kind-payment_on_account = Acompte
kind-other = Autre
dispute-amount = Montant contesté (facultatif)
dispute-amount-hint = Pour une partie d’une seule facture : cochez cette facture. Laissez vide pour contester tout le montant ouvert.
error-amount = Indiquez un montant contesté pour une seule facture à la fois, au plus son montant ouvert, ou laissez le champ vide.
error-amounts = { error-amount }
