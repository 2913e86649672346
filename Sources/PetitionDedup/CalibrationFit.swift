import Foundation

/// Fits a ``ScoreCalibration`` to judged pairs: a logistic regression by
/// Newton's method (iteratively reweighted least squares) with a ridge penalty
/// on every coefficient but the intercept, so that a regressor few pairs speak
/// to stays near nothing rather than swinging. Eight regressors and a few
/// hundred pairs: a linear solve of 8 × 8 per step, no library needed.
public struct CalibrationFit: Sendable {
    public var examples: [(inputs: CalibrationInputs, isRepeat: Bool)]
    /// The ridge penalty, in units of the log-likelihood.
    public var ridge = 1.0
    public var iterations = 50
    /// The coefficients the ridge pulls toward: nothing (all zero) when
    /// fitting from scratch, the calibration in force when a bureau's few
    /// labels refit it, so that fifty labels adjust it rather than replace it.
    public var prior: ScoreCalibration.Coefficients?

    public init(examples: [(inputs: CalibrationInputs, isRepeat: Bool)]) {
        self.examples = examples
    }

    /// The coefficients fitted on the examples at `indices` (all by default).
    public func coefficients(using indices: [Int]? = nil) -> ScoreCalibration.Coefficients {
        let rows = (indices ?? Array(examples.indices)).map { examples[$0] }
        let width = CalibrationInputs.regressorCount
        let centre = prior?.values ?? [Double](repeating: 0, count: width)
        var beta = centre
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: width)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: width), count: width)
            for (inputs, isRepeat) in rows {
                let x = inputs.regressors
                let p = ScoreCalibration.sigmoid(zip(beta, x).reduce(0) { $0 + $1.0 * $1.1 })
                let residual = p - (isRepeat ? 1 : 0), curvature = p * (1 - p)
                for i in 0..<width {
                    gradient[i] += residual * x[i]
                    for j in 0..<width { hessian[i][j] += curvature * x[i] * x[j] }
                }
            }
            for i in 1..<width {
                gradient[i] += ridge * (beta[i] - centre[i])
                hessian[i][i] += ridge
            }
            guard let step = Self.solve(hessian, gradient) else { break }
            for i in 0..<width { beta[i] -= step[i] }
            if step.map(abs).max() ?? 0 < 1e-9 { break }
        }
        return ScoreCalibration.Coefficients(beta)
    }

    /// Each example's probability from a fit that did not see it: `folds`
    /// folds, assigned by a fixed stride so that the figures repeat.
    public func outOfFold(folds: Int = 5) -> [Double] {
        var probabilities = [Double](repeating: 0, count: examples.count)
        for fold in 0..<folds {
            let held = Array(stride(from: fold, to: examples.count, by: folds))
            let heldSet = Set(held)
            let calibration = ScoreCalibration(source: "fold", coefficients: coefficients(
                using: examples.indices.filter { !heldSet.contains($0) }))
            for index in held { probabilities[index] = calibration.probability(examples[index].inputs, logOdds: 0) }
        }
        return probabilities
    }

    /// Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
        var a = matrix, b = vector
        let n = b.count
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
                  abs(a[pivot][column]) > 1e-12 else { return nil }
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            for row in column + 1..<n {
                let factor = a[row][column] / a[column][column]
                for k in column..<n { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            x[row] = (b[row] - (row + 1..<n).reduce(0) { $0 + a[row][$1] * x[$1] }) / a[row][row]
        }
        return x
    }
}
