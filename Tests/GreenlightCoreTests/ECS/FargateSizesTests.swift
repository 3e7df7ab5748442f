import Testing
@testable import GreenlightCore

@Suite("FargateSizes")
struct FargateSizesTests {
    @Test func acceptsDocumentedPairsAndRejectsOthers() {
        #expect(FargateSizes.isValid(cpu: 256, memory: 512))
        #expect(FargateSizes.isValid(cpu: 256, memory: 2048))
        #expect(!FargateSizes.isValid(cpu: 256, memory: 3072))
        #expect(FargateSizes.isValid(cpu: 512, memory: 1024))
        #expect(!FargateSizes.isValid(cpu: 512, memory: 512))
        #expect(FargateSizes.isValid(cpu: 1024, memory: 8192))
        #expect(!FargateSizes.isValid(cpu: 1024, memory: 1024))
        #expect(FargateSizes.isValid(cpu: 4096, memory: 30720))
        #expect(!FargateSizes.isValid(cpu: 4096, memory: 31744))
        #expect(FargateSizes.isValid(cpu: 8192, memory: 20480))
        #expect(!FargateSizes.isValid(cpu: 8192, memory: 17408))
        #expect(FargateSizes.isValid(cpu: 16384, memory: 122880))
        #expect(!FargateSizes.isValid(cpu: 16384, memory: 36864))
        #expect(!FargateSizes.isValid(cpu: 768, memory: 2048))
    }

    @Test func listsMemoriesPerCPU() {
        #expect(FargateSizes.validMemories(forCPU: 512) == [1024, 2048, 3072, 4096])
        #expect(FargateSizes.validMemories(forCPU: 2048).count == 13)
        #expect(FargateSizes.validMemories(forCPU: 8192).count == 12)
        #expect(FargateSizes.validMemories(forCPU: 16384).first == 32768)
        #expect(FargateSizes.validMemories(forCPU: 300).isEmpty)
        #expect(FargateSizes.cpuValues == [256, 512, 1024, 2048, 4096, 8192, 16384])
    }

    @Test func readsCPUAndMemoryForms() {
        #expect(FargateSizes.cpuUnits(from: "1024") == 1024)
        #expect(FargateSizes.cpuUnits(from: "1 vCPU") == 1024)
        #expect(FargateSizes.cpuUnits(from: "0.25 vcpu") == 256)
        #expect(FargateSizes.cpuUnits(from: ".5vCPU") == 512)
        #expect(FargateSizes.cpuUnits(from: "2 cores") == nil)
        #expect(FargateSizes.cpuUnits(from: "") == nil)
        #expect(FargateSizes.memoryMiB(from: "2 GB") == 2048)
        #expect(FargateSizes.memoryMiB(from: "0.5GB") == 512)
        #expect(FargateSizes.memoryMiB(from: "512") == 512)
        #expect(FargateSizes.memoryMiB(from: "1.3 GB") == nil)
    }
}
