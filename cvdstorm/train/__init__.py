"""cvdstorm.train"""
