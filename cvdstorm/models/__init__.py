"""cvdstorm.models"""
