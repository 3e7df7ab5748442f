public enum Greenlight { public static let version = "0.1.0" }
