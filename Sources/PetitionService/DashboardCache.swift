import Foundation
import PetitionDashboard
import PetitionDedup
import PetitionModel

/// The dashboard's figures, counted once per nightly run and kept: counting
/// reads every matter (seconds at a million petitions), a view must answer in
/// well under one. They are counted again when a run has finished since
/// (here or in another process) and, for what clerks saved meanwhile, when
/// they are older than `maximumAge`; a view asked for while they are counted
/// again waits for that one count rather than starting its own.
actor DashboardCache {
    let store: any PetitionStorage
    let work: BlockingWork
    let rules: AcceptanceRules
    let maximumAge: Duration
    private var figures: (value: DashboardFigures, runID: Int64?, counted: ContinuousClock.Instant)?
    private var counting: Task<DashboardFigures, any Error>?

    init(store: any PetitionStorage, work: BlockingWork, rules: AcceptanceRules, maximumAge: Duration) {
        self.store = store
        self.work = work
        self.rules = rules
        self.maximumAge = maximumAge
    }

    /// The figures as of the latest finished run, counted again when stale.
    func current() async throws -> DashboardFigures {
        let latest = try await work.run(by: nil) { [store] in try store.latestFinishedRun()?.runID }
        if let figures, figures.runID == latest, ContinuousClock.now - figures.counted < maximumAge {
            return figures.value
        }
        return try await count(runID: latest)
    }

    /// Counts afresh when a run has finished since the last count (or none
    /// was made), so that the next view finds the figures ready.
    func warmIfStale() async {
        guard let latest = try? await work.run(by: nil, { [store] in try store.latestFinishedRun()?.runID }) else { return }
        if let figures, figures.runID == latest { return }
        _ = try? await count(runID: latest)
    }

    private func count(runID: Int64?) async throws -> DashboardFigures {
        if let counting { return try await counting.value }
        let task = Task { [store, work, rules] in
            try await work.run(by: nil) { try DashboardBuilder(store: store, rules: rules).build() }
        }
        counting = task
        defer { counting = nil }
        let value = try await task.value
        figures = (value, runID, ContinuousClock.now)
        return value
    }
}
