

/// A value axis from 0 to a round number at or above the peak, with four or five ticks.
struct Scale {
    let top: Int
    let ticks: [Int]

    init(peak: Int) {
        // The smallest step of 1, 2 or 5 times a power of ten that reaches the peak in five.
        var magnitude = 1
        var step = 1
        search: while true {
            for multiplier in [1, 2, 5] where (peak + magnitude * multiplier - 1) / (magnitude * multiplier) <= 5 {
                step = magnitude * multiplier
                break search
            }
            magnitude *= 10
        }
        top = max(1, (peak + step - 1) / step * step)
        ticks = Array(stride(from: 0, through: top, by: step))
    }
}
