# Páginas do Settle: português do Brasil.
money = { $symbol }{"\u00A0"}{ $amount }

language-label = Idioma
resolver-title = Contestação a resolver
customer-title = Sua conta
powered-by = Gestão de contestações com o Settle

## Páginas de erro
error-forbidden-title = Este link não é válido
error-forbidden-body = O endereço pode ter sido copiado errado ou alterado. Abra o link exatamente como você o recebeu.
error-gone-title = Este link não está mais ativo
error-gone-body = Ele expirou ou foi cancelado. Peça um novo link ao seu contato no departamento de cobrança.
error-throttled-title = Tentativas demais
error-throttled-body = Aguarde { $minutes } minutos antes de tentar de novo.
error-notfound-title = Página não encontrada
error-notfound-body = Não há nada neste endereço.
error-invalid-title = Confira o que você preencheu
error-invalid-body = Nada foi salvo. Volte à página, corrija os campos abaixo e envie de novo.
error-server-title = Algo deu errado
error-server-body = Nada foi salvo. Tente de novo em instantes.
error-report-title = Não é possível mostrar este relatório
error-report-body = Um filtro não é válido. Corrija-o e mostre o relatório de novo.
back-to-page = Voltar à página

## Erros nos campos
error-comment = Escreva uma mensagem (no máximo { $max } caracteres, sem caracteres de controle).
error-item = Selecione pelo menos um dos seus títulos em aberto.
error-reason = Escolha um motivo da lista.
error-date = Escolha uma data válida dentro do prazo permitido.
error-reference = A referência é longa demais ou contém caracteres de controle.
error-file = Anexe um arquivo PDF, PNG ou JPEG de no máximo 5 MB.
error-outcome = Escolha uma das soluções propostas.
error-resolver_id = Escolha outro colega ativo.
error-form_token = O formulário expirou. Recarregue a página e envie de novo.
error-form = Não foi possível ler o formulário. Recarregue a página e envie de novo.

## Tabelas
col-select = Selecionar
col-number = Número
col-document-date = Data de emissão
col-due-date = Vencimento
col-amount = Valor
col-open-amount = Valor em aberto
col-disputed = Em contestação
disputed-part = dos quais { $amount } em disputa
col-currency = Moeda
col-status = Situação
overdue = Vencido
days-overdue = { $days ->
    [one] { $days } dia de atraso
   *[other] { $days } dias de atraso
}
total-label = Total
outstanding = Em aberto
overdue-total = Vencido
disputed-total = Em contestação
no-open-items = Não há títulos em aberto nesta conta.
none = Nenhum

## Página do responsável
resolver-heading = Contestação: { $name }
customer-label = Cliente
customer-id = Código do cliente
entity-label = Empresa
dispute-status = Situação
status-date = Data da situação
collector-comment = Comentário do departamento de cobrança
follow-up = Acompanhamento
follow-up-date = Data do acompanhamento
items-concerned = Títulos envolvidos
thread-heading = Mensagens
thread-empty = Nenhuma mensagem ainda.
speaker-collector = Departamento de cobrança
speaker-resolver = Responsável
speaker-customer = Cliente
speaker-system = Sistema
on-items = sobre { $number }
account-summary = Resumo da conta
other-open-items = Outros títulos em aberto
reply-heading = Responder
reply-label = Sua mensagem
reply-send = Enviar a resposta
outcome-heading = Propor uma solução
outcome-label = Solução
outcome-comment-label = Explicação (opcional)
outcome-send = Propor esta solução
outcome-credit_note = Emitir nota de crédito
outcome-not_justified = Improcedente: o cliente deve pagar
outcome-need_info = Mais informações necessárias
outcome-resolved = Resolvida
attach-heading = Anexar documentos
attach-label = Arquivos (PDF, PNG ou JPEG, até 5 MB cada)
attach-send = Anexar
attachments-heading = Documentos
no-attachments = Nenhum documento ainda.
handover-heading = Passar para um colega
handover-label = Colega
handover-comment-label = Observação para o colega (opcional)
handover-send = Passar
resolver-note = O departamento de cobrança encerra a contestação quando ela estiver resolvida. Suas respostas são enviadas para eles.
saved = Salvo. O departamento de cobrança foi avisado.

## Página do cliente
customer-heading = Extrato da conta: { $name }
statement-heading = Títulos em aberto
download-csv = Baixar em CSV
select-hint = Cada solicitação abaixo tem sua própria lista de títulos: marque os que ela envolve.
comment-heading = Enviar um comentário
comment-label = Seu comentário
comment-send = Enviar o comentário
dispute-heading = Contestar títulos
dispute-reason = Motivo
dispute-comment = Explique o problema
dispute-attach = Documentos comprobatórios (opcional)
dispute-send = Contestar os títulos selecionados
promise-heading = Promessa de pagamento
promise-date = Data do pagamento (em até { $days } dias)
promise-comment = Comentário (opcional)
promise-send = Prometer pagar os títulos selecionados
payment-heading = Há um pagamento a caminho
payment-date = Data do pagamento
payment-reference = Referência do pagamento (opcional)
payment-send = Informar o pagamento
tracker-heading = Suas contestações
tracker-empty = Você não tem contestações.
tracker-opened = Aberta em
tracker-reason = Motivo
tracker-items = Títulos
tracker-state = Situação
tracker-state-open = Aberta
tracker-state-answered = Respondida
tracker-state-resolved = Resolvida em { $date }
your-messages = Suas mensagens
customer-saved = Obrigado. Sua solicitação foi registrada e o departamento de cobrança foi avisado.

## Situações como o cliente as vê
status-price_dispute = Preço contestado
status-quality_dispute = Qualidade contestada
status-delivery_dispute = Entrega contestada
status-administrative_dispute = Em análise
status-promise_to_pay = Pagamento prometido
status-payment_in_progress = Pagamento a caminho
status-dispute_resolved = Contestação resolvida

## Relatórios
percent = { $value }%
report-console = Voltar ao console
report-disputes-title = Relatório de contestações
report-item-statuses-title = Relatório de status dos títulos
report-kpis-title = Indicadores de contas a receber
report-dispute-cases-title = Análise de disputas
report-as-of = Em { $date }
report-filters = Filtros
report-filters-hint = A empresa, o analista e o cliente escolhem os títulos contados; o status e o responsável escolhem os títulos contestados ou qualificados de que os números tratam.
report-field-as-of = Data
report-field-entity = Empresa
report-field-collector = Analista de cobrança
report-field-customer = Código do cliente
report-field-status = Status
report-field-resolver = Responsável
report-field-from = Resoluções de
report-field-to = Resoluções até
report-field-cei-from = Período do índice de
report-field-cei-to = Período do índice até
report-field-months = Meses de tendência
report-field-language = Idioma
report-any = Todos
report-apply = Ver o relatório
report-download = Baixar em CSV
report-summary = Resumo
report-outstanding = Saldo em aberto
report-items = { $n ->
    [one] { $n } título
   *[other] { $n } títulos
}
report-disputed = Saldo contestado
report-disputed-items = Títulos contestados
report-rate-amount = Taxa de contestação (valor)
report-rate-count = Taxa de contestação (quantidade)
report-by-status = Por tipo de contestação
report-by-any-status = Por status
report-by-customer = Por cliente
report-by-resolver = Por responsável
report-by-entity = Por empresa
report-by-collector = Por analista
report-aging = Idade das contestações abertas
report-age-0-30 = 0–30 dias
report-age-31-60 = 31–60 dias
report-age-61-90 = 61–90 dias
report-age-90-plus = Mais de 90 dias
report-trend = Saldo contestado no fim de cada mês
report-resolution = Contestações resolvidas de { $from } a { $to }
report-resolution-by-status = Prazo de resolução por tipo de contestação
report-resolution-by-resolver = Prazo de resolução por responsável
report-resolved = Resolvidas
report-average = Prazo médio (dias)
report-median = Prazo mediano (dias)
report-p90 = Percentil 90 (dias)
report-name = Nome
report-amount = Valor
report-count = Títulos
report-share = Participação
report-date = Data
report-none-status = Sem status
report-none-resolver = Sem responsável
report-none-collector = Sem analista
report-empty = Nada a relatar.
report-overdue = Vencido
report-qualified = Qualificado
report-qualification-rate = Taxa de qualificação
report-qualification-rate-count = Taxa de qualificação (quantidade)
report-kpi-dso-countback = PMR, método regressivo (dias)
report-kpi-dso-simple = PMR, método simples (dias)
report-kpi-best-dso = Melhor PMR possível (dias)
report-kpi-add = Dias médios de atraso
report-kpi-disputed-dso = PMR das contestações (dias)
report-kpi-cei = Índice de eficácia da cobrança, { $from } – { $to }

# A resolver link whose dispute is resolved or handed over (read-only)
resolver-title-closed = Contestação (somente leitura)
resolver-readonly-resolved = Esta contestação está resolvida. A página continua disponível para consulta; respostas, anexos e transferências estão encerrados.
resolver-readonly-handed-over = Você transferiu esta contestação, ou ela foi reatribuída. A página continua disponível para consulta; a pessoa agora responsável responde pelo próprio link.
error-closed-resolved-title = Esta contestação está resolvida
error-closed-resolved-body = Nada foi salvo: a contestação está resolvida e a página agora é somente leitura.
error-closed-handed-over-title = Esta contestação está com outra pessoa
error-closed-handed-over-body = Nada foi salvo: a contestação foi transferida. A pessoa agora responsável responde pelo próprio link.
error-quota = Estes arquivos ultrapassariam o limite de envio: 25 MB por link, 50 MB por contestação. Envie menos arquivos ou arquivos menores, ou mande-os por e-mail ao seu contato.

# Item kinds: credits show as credits (a marker and a minus sign) everywhere
col-kind = Tipo
kind-invoice = Fatura
kind-credit_note = Nota de crédito
kind-payment_on_account = Pagamento antecipado
kind-other = Outro
dispute-amount = Valor em disputa (opcional)
dispute-amount-hint = Só para parte de uma fatura: marque essa fatura. Deixe em branco para contestar todo o valor em aberto.
error-amount = Informe um valor em disputa para uma fatura por vez, no máximo o valor em aberto, ou deixe em branco.
error-amounts = { error-amount }
