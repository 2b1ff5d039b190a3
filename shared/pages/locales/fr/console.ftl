# Console Settle : français.

## Frame
nav-label = Rubriques
nav-customers = Clients
nav-agenda = Agenda
nav-disputes = Litiges
nav-reports = Rapports
nav-users = Utilisateurs
sign-out = Se déconnecter
back-to-console = Retour à la console

## Sign-in and first admin
sign-in-title = Connexion
sign-in = Se connecter
sign-in-refused = L'email ou le mot de passe est incorrect, ou ce compte est inactif.
sign-in-first-time = Première fois sur cette installation ? Connectez-vous avec l'email admin et le jeton d'administration pour créer le premier compte.
first-admin-title = Créer le premier administrateur
first-admin-intro = Personne ne peut encore se connecter. Ce compte gérera les utilisateurs, les statuts et le reste de la configuration.
first-admin-create = Créer et se connecter
password-rule = Au moins 12 caractères, pas tous identiques, et différent de votre email.

## Fields
field-email = Email
field-password = Mot de passe
field-name = Nom
field-language = Langue
field-role = Rôle
field-active = Actif
field-comment = Commentaire
field-status = Choisissez un statut actif.
field-status_date = Indiquez une date valide, pas dans le futur.
field-resolver_id = Choisissez un résolveur actif.
field-item_ids = Cochez des pièces ouvertes de ce client.
field-next_action = Vérifiez l'action suivante : type, nom et date sont nécessaires.
field-template = Choisissez un modèle d'email.
field-to = Le destinataire n'a pas d'adresse email.
field-version = Quelqu'un a modifié cette action entre-temps : la voici telle qu'elle est maintenant. Refaites votre modification.
field-type = Cette action ne peut pas être terminée ainsi.
field-date = Indiquez une date valide.
field-state = Cette action est déjà terminée.
field-form = Le formulaire n'a pas pu être lu. Rechargez la page et envoyez à nouveau.
field-conflict = Cela entre en conflit avec ce qui est déjà enregistré.
new-password = Nouveau mot de passe
role-collector = Recouvreur
role-admin = Administrateur
yes = Oui
no = Non
add-user = Ajouter un utilisateur
form-not-saved = Rien n'a été enregistré. Veuillez corriger :

## Customers
customers-search = Rechercher par nom ou identifiant
search = Rechercher
customers-count = { $count ->
    [one] { $count } ligne
   *[other] { $count } lignes
}
customers-none = Aucun client ne correspond.
col-name = Nom
col-id = Identifiant
col-outstanding = Encours
col-overdue = Échu
col-next = Prochaine action
col-collector = Recouvreur
col-resolver = Résolveur
col-dunning = Relance
pages-label = Pages
previous-page = Précédente
next-page = Suivante
page-of = Page { $n } sur { $count }

## Customer sheet
totals-heading = Totaux
next-scenario-step = Prochaine relance
filter-overdue = Échéance
filter-all = Tous
filter-overdue-yes = Échus seulement
filter-overdue-no = Non échus
filter-apply = Afficher
select-item = Sélectionner { $number }
in-scenario = Dans le scénario
held-by-action = Retenue par une action
first-page = Retour aux premières pièces
next-items = Pièces suivantes
col-open-items = Pièces
change-status = Changer le statut…
live-actions = Actions en cours
no-live-actions = Aucune action en cours.
history-heading = Historique
items-count = { $count ->
    [one] { $count } pièce
   *[other] { $count } pièces
}
step-letter = Courrier
step-email = Email
step-call = Appel

## Change status
steps-label = Étapes
step-1 = Statut
step-2 = Email
step-3 = Action suivante
choose = Choisir…
next-step = Suivant
disputed-amounts = Montant en litige
disputed-amounts-hint = Pour un statut de litige : la part de chaque pièce que le client conteste. Laisser vide pour tout le reste dû.
email-template = Modèle d'email
email-preview = Aperçu
email-to = À
email-subject = Objet
email-body = Corps
email-edit = Modifier l'email
email-refresh = Actualiser l'aperçu
email-send-next = Envoyer cet email et continuer
email-skip = Continuer sans email
email-will-send = L'email { $template } sera envoyé à la confirmation.
email-skipped = Aucun email ne sera envoyé.
routed-resolver = Résolveur : { $resolver }, choisi par la règle d'affectation { $rule }.
next-action = Action suivante
next-scenario = Laisser le scénario de relance se dérouler
next-suggested = Le suivi proposé (chaque champ peut être modifié)
next-define = Définir une action
confirm = Confirmer
cancel = Annuler

## Actions
action-type = Type
action-name = Nom
action-date = Date
action-done-on = Terminée le
action-state-live = En cours
action-state-done = Terminée
action-type-dispute = Suivi de litige
action-type-promise = Promesse de paiement
action-type-call = Appel
action-type-email = Email
action-type-letter = Courrier
action-type-task = Tâche
open-customer = Ouvrir le client
open-action = Ouvrir
modify = Modifier
save = Enregistrer
detach = Retirer les pièces cochées de l'action
detached = retirée
terminate = Terminer
terminate-dispute-hint = Les pièces encore en litige passent en « Litige résolu » et reviennent dans le scénario de relance.
terminate-hint = Les pièces reviennent dans le scénario de relance.
answered = Répondu

## Agenda
agenda-due = À faire
agenda-replies = Réponses et commentaires
agenda-date = Échéance au
agenda-count = { $count ->
    [one] { $count } chose à faire
   *[other] { $count } choses à faire
}
agenda-empty = Rien n'est à faire.
record-reminder = Marquer la relance comme faite
new = Nouveau
replies-empty = Aucune réponse depuis 30 jours.

## Failures
failure-forbidden-title = Non autorisé
failure-forbidden-body = Vous ne pouvez pas faire cela, ou le formulaire a expiré. Rechargez la page et réessayez.
failure-notfound-title = Page introuvable
failure-notfound-body = Il n'y a rien à cette adresse.
failure-method-title = Non disponible
failure-method-body = Cette adresse ne répond pas à ce type de requête.
failure-invalid-title = Veuillez vérifier votre saisie
failure-invalid-body = Rien n'a été enregistré.
failure-throttled-title = Trop de tentatives
failure-throttled-body = Veuillez patienter { $minutes } minutes avant de réessayer.
failure-toolarge-title = Trop en une fois
failure-toolarge-body = Le formulaire est trop volumineux. Sélectionnez moins de pièces.
failure-server-title = Une erreur s'est produite
failure-server-body = Rien n'a été enregistré. Veuillez réessayer dans un instant.

## History
actor-admin = Administrateur
event-created = créée
event-updated = mise à jour
event-status_changed = statut changé
event-payment = paiement
event-closed = soldée
event-reopened = rouverte
event-action_attached = retenue par une action
event-action_detached = retirée d'une action
event-comment = commentaire
event-outcome = issue proposée
event-attachment = fichier joint
event-handover = transmise
event-reminder = relance envoyée

## Admin screens
nav-admin = Administration
admin-title = Administration
admin-created = Créé

# Email templates by name, and the preview's text part
email-text-part = La partie texte
email-template-name-resolver_dispute = Au résolveur : litige à résoudre
email-template-name-customer_confirmation = Au client : confirmation du litige

# Outbound webhooks (admin)
field-url = Donnez une adresse http ou https autorisée par le paramètre webhook_origins.
field-events = Cochez au moins un événement.

# Import (admin)
import-title = Import
import-hint = Importez un export de votre ERP (SAP, Sage, Dynamics, Odoo ou vos propres colonnes) : voyez comment Settle le lit et ce qu'il changerait avant toute écriture.
import-done = Le fichier a été importé.
import-file = Fichier
import-target = Contenu
import-target-items = Pièces ouvertes
import-target-payments = Paiements
import-target-customers = Clients
import-profile = Profil d'import
import-own-columns = Colonnes propres à Settle
import-mode = Pièces envoyées
import-mode-delta = Modifications seulement (delta)
import-mode-stock = Tout l'ouvert (photo du stock)
import-entity = Entité (photo du stock)
import-preview = Aperçu
import-history = Historique des imports
import-rows = Lignes
import-result = Résultat
import-count-created = créées
import-count-updated = modifiées
import-count-unchanged = inchangées
import-count-closed = soldées
import-count-applied = appliqués
import-count-already_applied = déjà appliqués
import-no-history = Aucun fichier importé pour l'instant.
import-reading = Lecture du fichier
import-detected = trouvé dans le fichier
import-delimiter = Séparateur
import-decimal = Séparateur décimal
import-date-format = Format de date
import-encoding = Encodage
import-skip-rows = Lignes à ignorer avant l'en-tête
import-read-again = Relire
import-summary = Ce que l'import ferait
import-read-as = Lu en { $encoding }, séparateur { $delimiter }
import-rows-read = Lignes lues : { $count }
import-rows-refused = Lignes refusées : { $count }
import-would = Résultat prévu :
import-confirm = Importer { $count } lignes
import-fix-first = Corrigez les lignes refusées dans le fichier ou le profil, puis déposez-le à nouveau : rien n'est importé tant qu'une ligne est refusée.
import-refused = Lignes refusées
import-line = Ligne
import-column = Colonne
import-why = Motif
import-first-rows = Les { $count } premières lignes telles que Settle les lit
import-no-rows = Aucune ligne n'a pu être lue.
import-mapping = Colonnes
import-mapping-hint = Pour chaque champ, la colonne du fichier qui le contient ; enregistrez la correspondance comme profil pour la réutiliser.
import-no-column = — aucune —
import-profile-code = Code du profil
import-save-profile = Enregistrer comme profil
field-file = Choisissez le fichier à importer.
field-profile = Choisissez un profil qui lit ce type de données.
field-code = Donnez un code en minuscules, chiffres, - ou _.
field-escalation-contact = Contact d’escalade
escalation-nobody = Personne
escalation-hint = Quand un litige de ce résolveur dépasse sa date cible des jours d’escalade de son statut, cette personne en reçoit le lien par e-mail, une fois, et peut y répondre.
agenda-late = Litiges en retard
agenda-broken = Promesses non tenues
late-count = { $count ->
    [one] 1 litige en retard
    *[other] { $count } litiges en retard
}
late-empty = Aucun litige n’a dépassé sa date cible.
broken-empty = Aucune promesse de paiement non tenue ces 60 derniers jours.
col-customer = Client
col-deadline = Date cible
col-days-late = Jours de retard
escalated = escaladé
promised-on = Promis pour le { $date }
broken-on = non tenue le { $date }
