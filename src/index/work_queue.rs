//! A bounded queue from one producer (the file walker) to several workers
//! that wakes the producer seldom.
//!
//! A plain bounded channel wakes a blocked sender for every item taken. The
//! walker fills its queue far faster than workers parse and extract, so it
//! was blocked nearly all the time and woken once per file, to find one
//! file, and block again: on two cores 10,000 files made about 14,000
//! context switches each way, and those wake-ups preempted the busy threads.
//! Here the producer waits until the queue has drained to a low mark and
//! then fills it to the high mark: one wake-up per `high - low` items.
//! Workers still take one item at a time, so they stay evenly loaded to the
//! end. This module knows nothing about files or indexing.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// The queue's state, behind one lock.
struct State<T> {
    items: VecDeque<T>,
    /// The producer has finished: workers stop once the queue is empty.
    finished: bool,
    /// A worker gave up: the producer should stop adding.
    abandoned: bool,
}

/// A bounded multi-consumer queue with a low and a high water mark.
pub struct WorkQueue<T> {
    state: Mutex<State<T>>,
    /// Signalled when items arrive or the producer finishes.
    filled: Condvar,
    /// Signalled when the queue drains to the low mark, or is abandoned.
    drained: Condvar,
    low: usize,
    high: usize,
}

impl<T> WorkQueue<T> {
    /// A queue holding at most `high` items, whose producer resumes when
    /// it is down to `low` (less than `high`).
    pub fn new(low: usize, high: usize) -> WorkQueue<T> {
        let high = high.max(1);
        WorkQueue {
            state: Mutex::new(State {
                items: VecDeque::with_capacity(high),
                finished: false,
                abandoned: false,
            }),
            filled: Condvar::new(),
            drained: Condvar::new(),
            low: low.min(high - 1),
            high,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<T>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds `item`, first waiting for room while the queue is full. Returns
    /// false, dropping `item`, when a worker has abandoned the queue.
    pub fn push(&self, item: T) -> bool {
        let mut state = self.lock();
        if state.items.len() >= self.high {
            state = self
                .drained
                .wait_while(state, |state| {
                    state.items.len() > self.low && !state.abandoned
                })
                .unwrap_or_else(PoisonError::into_inner);
        }
        if state.abandoned {
            return false;
        }
        state.items.push_back(item);
        drop(state);
        self.filled.notify_one();
        true
    }

    /// Takes the next item, waiting for one; `None` once the producer has
    /// finished and the queue is empty.
    pub fn pop(&self) -> Option<T> {
        let mut state = self
            .filled
            .wait_while(self.lock(), |state| {
                state.items.is_empty() && !state.finished
            })
            .unwrap_or_else(PoisonError::into_inner);
        let item = state.items.pop_front();
        let wake_producer = state.items.len() == self.low;
        drop(state);
        if wake_producer {
            self.drained.notify_one();
        }
        item
    }

    /// The producer is done: workers drain what is left and stop.
    pub fn finish(&self) {
        self.lock().finished = true;
        self.filled.notify_all();
    }

    /// A worker stops early: the producer stops adding, and workers stop.
    pub fn abandon(&self) {
        let mut state = self.lock();
        state.abandoned = true;
        state.finished = true;
        state.items.clear();
        drop(state);
        self.drained.notify_all();
        self.filled.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workers_get_every_item_once_in_order_and_stop_when_finished() {
        let queue = WorkQueue::new(2, 5);
        let taken = Mutex::new(Vec::new());
        std::thread::scope(|scope| {
            for _ in 0..3 {
                scope.spawn(|| {
                    while let Some(item) = queue.pop() {
                        taken.lock().expect("not poisoned").push(item);
                    }
                });
            }
            for item in 0..1000 {
                assert!(queue.push(item));
            }
            queue.finish();
        });
        let mut taken = taken.into_inner().expect("not poisoned");
        taken.sort_unstable();
        assert_eq!(taken, (0..1000).collect::<Vec<_>>());
    }

    #[test]
    fn a_producer_held_at_the_high_mark_resumes_at_the_low_mark() {
        let pause = || std::thread::sleep(std::time::Duration::from_millis(200));
        let queue = WorkQueue::new(1, 3);
        std::thread::scope(|scope| {
            let producer = scope.spawn(|| (0..4).all(|item| queue.push(item)));
            while queue.lock().items.len() < 3 {
                std::thread::yield_now();
            }
            pause(); // the producer is now held with item 3
            assert_eq!(queue.pop(), Some(0));
            pause();
            // Two left, above the low mark: still held.
            assert!(!producer.is_finished());
            assert_eq!(queue.pop(), Some(1));
            assert!(producer.join().expect("producer"));
        });
        queue.finish();
        assert_eq!(queue.pop(), Some(2));
        assert_eq!(queue.pop(), Some(3));
        assert_eq!(queue.pop(), None);
    }

    #[test]
    fn an_abandoned_queue_refuses_items_and_releases_a_waiting_producer() {
        let queue = WorkQueue::new(0, 1);
        assert!(queue.push(1));
        std::thread::scope(|scope| {
            let producer = scope.spawn(|| queue.push(2));
            queue.abandon();
            assert!(!producer.join().expect("producer"));
        });
        assert_eq!(queue.pop(), None);
    }
}
