/// An import that no installed requirement provides fails at start-up with
/// ModuleNotFoundError, often only in the container, never on a developer's laptop.
public struct UndeclaredDependencyRule: Rule {
    public static let description = RuleDescription(
        id: "undeclared-dependency",
        title: "The code imports a package that the image does not install",
        defaultSeverity: .error,
        rationale: """
            The deployments this rule comes from failed with "ModuleNotFoundError" because a package was installed \
            on the developer's machine but in no requirements file the image installs; the teams answered with a \
            verify_deps.sh script and a checklist line "All dependencies in requirements.txt". Greenlight reads \
            which requirement files and packages each image installs (following `-r` includes and multi-stage \
            copies) and checks every third-party import reachable from the service's start command. \
            Imports inside try/except ImportError are optional and not reported.
            """,
        fix: "Add the distribution to the requirements file the Dockerfile installs (pin it), or install it in the Dockerfile.",
        triggeringExamples: [
            RuleExample([
                "Dockerfile": """
                    FROM python:3.12-slim
                    WORKDIR /app
                    COPY requirements.txt .
                    RUN pip install --no-cache-dir -r requirements.txt
                    COPY app ./app
                    CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
                    """,
                "requirements.txt": "fastapi==0.115.0\nuvicorn[standard]==0.30.6\n",
                "app/__init__.py": "",
                "app/main.py": """
                    from fastapi import FastAPI
                    import ↓yaml
                    from app.store import save

                    app = FastAPI()
                    """,
                "app/store.py": "↓from supabase import create_client\n\ndef save():\n    pass\n",
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "Dockerfile": """
                    FROM python:3.12-slim AS build
                    COPY requirements.txt .
                    RUN pip install --no-cache-dir --prefix=/install -r requirements.txt
                    FROM python:3.12-slim
                    COPY --from=build /install /usr/local
                    WORKDIR /app
                    COPY app ./app
                    CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
                    """,
                "requirements.txt": "-r requirements-base.txt\nPyYAML==6.0.2\n",
                "requirements-base.txt": "fastapi==0.115.0\nuvicorn[standard]==0.30.6\nsupabase==2.7.4\n",
                "app/__init__.py": "",
                "app/main.py": """
                    import json
                    from fastapi import FastAPI
                    from starlette.responses import JSONResponse
                    import yaml
                    from supabase import create_client
                    try:
                        import ujson
                    except ImportError:
                        ujson = None
                    from app import models
                    app = FastAPI()
                    """,
                "app/models.py": "from pydantic import BaseModel\n",
            ], note: "starlette and pydantic come with fastapi; ujson is optional; app is local."),
        ]
    )

    public init() {}

    public func check(_ project: Project) -> [Finding] {
        var findings: [Finding] = []
        var reported: Set<String> = []
        var transitiveByDistribution: [String: Set<String>] = [:]
        for service in project.services {
            guard let code = service.code, let image = service.container, let installed = image.pythonDistributions else { continue }
            for imported in code.thirdPartyImports {
                let topLevel = imported.value
                // Direct lookups first; dependencies of dependencies and the general matcher only for what they miss.
                let candidates = PythonDistributions.distributions(forImport: topLevel).map(PythonDistributions.normalize)
                    + [PythonDistributions.normalize(topLevel)]
                if candidates.contains(where: { installed[$0] != nil }) { continue }
                let broughtAlong = installed.keys.contains { distribution in
                    if let known = transitiveByDistribution[distribution] { return known.contains(topLevel) }
                    let computed = PythonDistributions.transitiveImports(ofDistribution: distribution)
                    transitiveByDistribution[distribution] = computed
                    return computed.contains(topLevel)
                }
                if broughtAlong { continue }
                if installed.keys.contains(where: { PythonDistributions.provides(distribution: $0, import: topLevel) }) { continue }
                guard reported.insert("\(imported.location)|\(image.dockerfile)").inserted else { continue }
                let distribution = PythonDistributions.distribution(forImport: topLevel) ?? topLevel
                let sources = image.requirementFiles.map(\.value)
                let declared = sources.isEmpty ? "the image installs no requirements file" : "no requirement in \(sources.joined(separator: ", ")) provides it"
                findings.append(finding(
                    "\(service.name) imports \(topLevel) (\(imported.location)), but \(declared) (\(image.dockerfile)); the service fails with ModuleNotFoundError: No module named '\(topLevel)'",
                    at: imported.location,
                    service: service.name,
                    fix: "Add `\(distribution)` (pinned) to \(sources.first ?? "a requirements file the Dockerfile installs").",
                    related: image.requirementFiles.map { RelatedLocation("installed here", at: $0.location) }))
            }
        }
        return findings
    }
}
