import Testing
@testable import GreenlightCore

@Suite("PythonSettings")
struct PythonSettingsTests {
    private func reads(_ text: String) -> [PythonEnvRead] {
        PythonModuleFacts.analyze(SourceText(path: "app/core/config.py", string: text)).envReads
    }

    @Test func pydanticSettingsFieldsAreEnvironmentReads() {
        let facts = PythonModuleFacts.analyze(SourceText(path: "app/core/config.py", string: PythonFixtures.settingsModule))
        #expect(facts.issues.isEmpty)
        let described = facts.envReads.map { read in
            "\(read.settingsClass ?? "?").\(read.name) default=\(read.hasDefault):\(read.defaultValue ?? "nil") raises=\(read.raisesWhenMissing) ci=\(read.isCaseInsensitive) alt=\(read.alternativeNames)"
        }
        #expect(described == [
            "Settings.APP_PROJECT_NAME default=true:workflow-api raises=false ci=true alt=[]",
            "Settings.APP_GRPC_PORT default=true:50051 raises=false ci=true alt=[]",
            "Settings.APP_DATABASE_URL default=false:nil raises=true ci=true alt=[]",
            "Settings.APP_REDIS_URL default=true:nil raises=false ci=true alt=[]",
            "Settings.APP_SENTRY_DSN default=true:nil raises=false ci=true alt=[]",
            "Settings.SECRET_KEY default=false:nil raises=true ci=true alt=[]",
            "Settings.OPENAI_API_KEY default=false:nil raises=true ci=true alt=[\"OPENAI_KEY\"]",
            "Settings.APP_WORKERS default=true:4 raises=false ci=true alt=[]",
            "Settings.APP_DEBUG default=true:False raises=false ci=true alt=[]",
            "LegacySettings.LEGACY_api_token default=false:nil raises=true ci=false alt=[]",
            "LegacySettings.LEGACY_timeout default=true:2.5 raises=false ci=false alt=[]",
        ])
        #expect(facts.envReads.first?.envFiles == [".env"])
        #expect(facts.envReads.first?.location.line == 11)
        #expect(facts.exports["settings.grpc_port"] == PythonBinding(value: .env(name: "APP_GRPC_PORT", default: "50051")))
        #expect(facts.exports["get_settings.database_url"] == PythonBinding(value: .env(name: "APP_DATABASE_URL", default: nil)))
        #expect(facts.exports["Settings.workers"] == PythonBinding(value: .env(name: "APP_WORKERS", default: "4")))
    }

    @Test func pydanticV1StyleFieldEnvAndConfigDictionary() {
        let result = reads("""
        from pydantic import BaseSettings, Field

        class Settings(BaseSettings):
            model_config = {"env_prefix": "SVC_", "case_sensitive": False}
            database_url: str = Field(..., env="DATABASE_URL")
            hosts: list[str] = Field(default_factory=list)
            region: str = Field(None, env=["AWS_REGION", "AWS_DEFAULT_REGION"])
            _private: int = 3
            CACHE: ClassVar[dict] = {}
        """)
        let described = result.map { "\($0.name):\($0.hasDefault):\($0.alternativeNames)" }
        #expect(described == ["DATABASE_URL:false:[]", "SVC_HOSTS:true:[]", "AWS_REGION:true:[\"AWS_DEFAULT_REGION\"]"])
    }

    @Test func classKeywordConfigurationAndInheritance() {
        let result = reads("""
        import pydantic_settings

        class Base(pydantic_settings.BaseSettings, env_prefix="SVC_"):
            log_level: str = "INFO"

        class Worker(Base):
            queue_url: str
        """)
        #expect(result.map(\.name) == ["SVC_LOG_LEVEL", "SVC_QUEUE_URL"])
        #expect(result.map(\.settingsClass) == ["Base", "Worker"])
    }

    @Test func plainClassesAndMethodsAreNotSettings() {
        let result = reads("""
        from pydantic import BaseModel

        class User(BaseModel):
            name: str

        class Settings(BaseSettings):
            port: int = 8000

            def url(self) -> str:
                local: str = "x"
                return local
        """)
        #expect(result.map(\.name) == ["PORT"])
    }
}
