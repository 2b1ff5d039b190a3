# Console Settle: português do Brasil.

## Frame
nav-label = Seções
nav-customers = Clientes
nav-agenda = Agenda
nav-disputes = Disputas
nav-reports = Relatórios
nav-users = Usuários
sign-out = Sair
back-to-console = Voltar ao console

## Sign-in and first admin
sign-in-title = Entrar
sign-in = Entrar
sign-in-refused = O e-mail ou a senha não estão corretos, ou esta conta está inativa.
sign-in-first-time = Primeira vez nesta instalação? Entre com o e-mail admin e o token de administração para criar a primeira conta.
first-admin-title = Criar o primeiro administrador
first-admin-intro = Ninguém consegue entrar ainda. Esta conta vai gerenciar os usuários, os status e o resto da configuração.
first-admin-create = Criar e entrar
password-rule = Pelo menos 12 caracteres, não todos iguais, e diferente do seu e-mail.

## Fields
field-email = E-mail
field-password = Senha
field-name = Nome
field-language = Idioma
field-role = Papel
field-active = Ativo
field-comment = Comentário
field-status = Escolha um status ativo.
field-status_date = Informe uma data válida, não futura.
field-resolver_id = Escolha um responsável ativo.
field-item_ids = Marque títulos em aberto deste cliente.
field-next_action = Confira a próxima ação: tipo, nome e data são necessários.
field-template = Escolha um modelo de e-mail.
field-to = O destinatário não tem endereço de e-mail.
field-version = Alguém alterou esta ação nesse meio-tempo: aqui está ela como está agora. Faça sua alteração de novo.
field-type = Esta ação não pode ser encerrada assim.
field-date = Informe uma data válida.
field-state = Esta ação já está encerrada.
field-form = Não foi possível ler o formulário. Recarregue a página e envie de novo.
field-conflict = Isto entra em conflito com o que já está registrado.
new-password = Nova senha
role-collector = Analista de cobrança
role-admin = Administrador
yes = Sim
no = Não
add-user = Adicionar um usuário
form-not-saved = Nada foi salvo. Corrija:

## Customers
customers-search = Buscar por nome ou código
search = Buscar
customers-count = { $count ->
    [one] { $count } linha
   *[other] { $count } linhas
}
customers-none = Nenhum cliente corresponde.
col-name = Nome
col-id = Código
col-outstanding = Em aberto
col-overdue = Vencido
col-next = Próxima ação
col-collector = Analista
col-resolver = Responsável
col-dunning = Cobrança
pages-label = Páginas
previous-page = Anterior
next-page = Próxima
page-of = Página { $n } de { $count }

## Customer sheet
totals-heading = Totais
next-scenario-step = Próximo lembrete
filter-overdue = Vencimento
filter-all = Todos
filter-overdue-yes = Só vencidos
filter-overdue-no = Não vencidos
filter-apply = Mostrar
select-item = Selecionar { $number }
in-scenario = No cenário
held-by-action = Retido por uma ação
first-page = Voltar aos primeiros títulos
next-items = Próximos títulos
col-open-items = Títulos
change-status = Alterar status…
live-actions = Ações em andamento
no-live-actions = Nenhuma ação em andamento.
history-heading = Histórico
items-count = { $count ->
    [one] { $count } título
   *[other] { $count } títulos
}
step-letter = Carta
step-email = E-mail
step-call = Ligação

## Change status
steps-label = Etapas
step-1 = Status
step-2 = E-mail
step-3 = Próxima ação
choose = Escolher…
next-step = Avançar
disputed-amounts = Valor em disputa
disputed-amounts-hint = Para um status de disputa: a parte de cada título que o cliente contesta. Deixe em branco para todo o valor em aberto.
email-template = Modelo de e-mail
email-preview = Pré-visualização
email-to = Para
email-subject = Assunto
email-body = Corpo
email-edit = Editar o e-mail
email-refresh = Atualizar a pré-visualização
email-send-next = Enviar este e-mail e continuar
email-skip = Continuar sem e-mail
email-will-send = O e-mail { $template } será enviado na confirmação.
email-skipped = Nenhum e-mail será enviado.
routed-resolver = Responsável: { $resolver }, escolhido pela regra de roteamento { $rule }.
next-action = Próxima ação
next-scenario = Deixar o cenário de lembretes seguir
next-suggested = O acompanhamento sugerido (todos os campos podem ser alterados)
next-define = Definir uma ação
confirm = Confirmar
cancel = Cancelar

## Actions
action-type = Tipo
action-name = Nome
action-date = Data
action-done-on = Encerrada em
action-state-live = Em andamento
action-state-done = Encerrada
action-type-dispute = Acompanhamento de contestação
action-type-promise = Promessa de pagamento
action-type-call = Ligação
action-type-email = E-mail
action-type-letter = Carta
action-type-task = Tarefa
open-customer = Abrir o cliente
open-action = Abrir
modify = Alterar
save = Salvar
detach = Tirar da ação os títulos marcados
detached = retirado
terminate = Encerrar
terminate-dispute-hint = Os títulos ainda em contestação passam a "Contestação resolvida" e voltam ao cenário de lembretes.
terminate-hint = Os títulos voltam ao cenário de lembretes.
answered = Respondida

## Agenda
agenda-due = A fazer
agenda-replies = Respostas e comentários
agenda-date = Vence até
agenda-count = { $count ->
    [one] { $count } tarefa
   *[other] { $count } tarefas
}
agenda-empty = Não há nada a fazer.
record-reminder = Marcar o lembrete como feito
new = Novo
replies-empty = Nenhuma resposta nos últimos 30 dias.

## Failures
failure-forbidden-title = Não permitido
failure-forbidden-body = Você não pode fazer isso, ou o formulário expirou. Recarregue a página e tente de novo.
failure-notfound-title = Página não encontrada
failure-notfound-body = Não há nada neste endereço.
failure-method-title = Indisponível
failure-method-body = Este endereço não responde a esse tipo de requisição.
failure-invalid-title = Confira o que você digitou
failure-invalid-body = Nada foi salvo.
failure-throttled-title = Tentativas demais
failure-throttled-body = Aguarde { $minutes } minutos antes de tentar de novo.
failure-toolarge-title = Demais de uma vez
failure-toolarge-body = O formulário é grande demais. Selecione menos títulos.
failure-server-title = Algo deu errado
failure-server-body = Nada foi salvo. Tente de novo em instantes.

## History
actor-admin = Administrador
event-created = criado
event-updated = atualizado
event-status_changed = status alterado
event-payment = pagamento
event-closed = quitado
event-reopened = reaberto
event-action_attached = retido por uma ação
event-action_detached = retirado de uma ação
event-comment = comentário
event-outcome = resultado proposto
event-attachment = arquivo anexado
event-handover = repassado
event-reminder = lembrete enviado

## Admin screens
nav-admin = Administração
admin-title = Administração
admin-created = Criado

# Email templates by name, and the preview's text part
email-text-part = A parte de texto
email-template-name-resolver_dispute = Ao responsável: contestação a resolver
email-template-name-customer_confirmation = Ao cliente: confirmação da contestação

# Outbound webhooks (admin)
field-url = Informe um endereço http ou https permitido por webhook_origins.
field-events = Marque pelo menos um evento.

# Import (admin)
import-title = Importar
import-hint = Importe uma exportação do seu ERP (SAP, Sage, Dynamics, Odoo ou colunas próprias): veja como o Settle a lê e o que mudaria antes de gravar qualquer coisa.
import-done = O arquivo foi importado.
import-file = Arquivo
import-target = Conteúdo
import-target-items = Títulos em aberto
import-target-payments = Pagamentos
import-target-customers = Clientes
import-profile = Perfil de importação
import-own-columns = Colunas próprias do Settle
import-mode = Títulos enviados
import-mode-delta = Só alterações (delta)
import-mode-stock = Tudo em aberto (retrato)
import-entity = Entidade (retrato)
import-preview = Pré-visualizar
import-history = Histórico de importações
import-rows = Linhas
import-result = Resultado
import-count-created = criados
import-count-updated = alterados
import-count-unchanged = sem alteração
import-count-closed = baixados
import-count-applied = aplicados
import-count-already_applied = já aplicados
import-no-history = Nenhum arquivo importado ainda.
import-reading = Como o arquivo é lido
import-detected = detectado no arquivo
import-delimiter = Separador
import-decimal = Separador decimal
import-date-format = Formato de data
import-encoding = Codificação
import-skip-rows = Linhas a pular antes do cabeçalho
import-read-again = Ler de novo
import-summary = O que a importação faria
import-read-as = Lido como { $encoding }, separador { $delimiter }
import-rows-read = Linhas lidas: { $count }
import-rows-refused = Linhas recusadas: { $count }
import-would = Resultado previsto:
import-confirm = Importar { $count } linhas
import-fix-first = Corrija as linhas recusadas no arquivo ou no perfil e envie de novo: nada é importado enquanto houver uma linha recusada.
import-refused = Linhas recusadas
import-line = Linha
import-column = Coluna
import-why = Motivo
import-first-rows = As primeiras { $count } linhas como o Settle as lê
import-no-rows = Nenhuma linha pôde ser lida.
import-mapping = Colunas
import-mapping-hint = Para cada campo, a coluna do arquivo que o contém; salve o mapeamento como perfil para reutilizá-lo.
import-no-column = — nenhuma —
import-profile-code = Código do perfil
import-save-profile = Salvar como perfil
field-file = Escolha o arquivo a importar.
field-profile = Escolha um perfil que leia este tipo de dado.
field-code = Informe um código com minúsculas, dígitos, - ou _.
field-escalation-contact = Contato de escalonamento
escalation-nobody = Ninguém
escalation-hint = Quando uma disputa deste responsável passa da data-alvo pelos dias de escalonamento do seu status, esta pessoa recebe uma vez um link por e-mail e pode responder.
agenda-late = Disputas atrasadas
agenda-broken = Promessas quebradas
late-count = { $count ->
    [one] 1 disputa atrasada
    *[other] { $count } disputas atrasadas
}
late-empty = Nenhuma disputa passou da data-alvo.
broken-empty = Nenhuma promessa de pagamento quebrada nos últimos 60 dias.
col-customer = Cliente
col-deadline = Data-alvo
col-days-late = Dias de atraso
escalated = escalonada
promised-on = Prometido para { $date }
broken-on = quebrada em { $date }
