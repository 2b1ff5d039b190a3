//! The one step every adapter runs once a use case's transaction committed: the side effects
//! that must never happen for a write that rolled back.

use settle_store::SpinDb;
use settle_usecases::AfterCommit;

/// Runs a use case's after-commit steps: delivers the emails it queued (when delivery is
/// configured; otherwise they stay queued for `POST /api/v1/outbox/flush`), and attempts the
/// webhook deliveries of the events it wrote (what fails is retried on its schedule by
/// `POST /api/v1/webhooks/flush`). A failure is recorded and logged; it never undoes the
/// write.
pub async fn run(db: &SpinDb, steps: &[AfterCommit]) {
    let delivery = crate::email::Delivery::configured();
    for step in steps {
        match step {
            AfterCommit::DeliverEmail(id) => {
                if let Some(delivery) = &delivery
                    && let Err(e) = delivery.deliver(db, *id).await
                {
                    eprintln!("delivery of message {id}: {}", e.status());
                }
            }
            AfterCommit::DeliverWebhooks(deliveries) => {
                crate::webhooks::deliver(db, deliveries);
            }
        }
    }
}

/// [`run`] on a connection of its own (for handlers whose connection is closed by now);
/// nothing is opened when there is nothing to run.
pub async fn run_steps(steps: &[AfterCommit]) {
    if steps.is_empty() {
        return;
    }
    match crate::open_db() {
        Ok(db) => run(&db, steps).await,
        Err(e) => eprintln!("after-commit steps not run: {}", e.status()),
    }
}

/// Steps collected while a handler runs, run once it has its answer.
#[derive(Default)]
pub struct Later(std::cell::RefCell<Vec<AfterCommit>>);

impl Later {
    pub fn add(&self, steps: Vec<AfterCommit>) {
        self.0.borrow_mut().extend(steps);
    }

    pub fn take(&self) -> Vec<AfterCommit> {
        self.0.take()
    }
}
