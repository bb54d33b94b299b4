"""cvdstorm.pipelines"""
