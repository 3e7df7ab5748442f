from workflow_engine.server import serve

serve()
